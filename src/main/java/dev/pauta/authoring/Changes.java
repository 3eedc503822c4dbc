package dev.pauta.authoring;

import dev.pauta.manual.Bundle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes (like pull requests): opening one on the current release, reading them, moving one's base to the current
 * release, and the bundle each would publish.
 */
final class Changes {

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    Changes(AuthoringStore store, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    Views.ChangeView create(String title, String actor) {
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new AuthoringException.BadInput("title", "a change needs a title of 1 to 300 characters");
        }
        return tx.execute(status -> {
            Instant now = clock.instant();
            int base = store.currentReleaseNumber().orElseThrow();
            long id = store.insertChange(title.trim(), base, actor, now);
            store.audit(actor, "change.create", "change " + id, title.trim(), now);
            return view(store.change(id).orElseThrow());
        });
    }

    Views.ChangeView change(long id) {
        return view(store.change(id).orElseThrow(() -> new AuthoringException.NotFound("no change " + id)));
    }

    List<Views.ChangeView> changes() {
        return store.changes().stream().map(this::view).toList();
    }

    private Views.ChangeView view(AuthoringStore.ChangeRow row) {
        List<Views.EditedDocument> documents = store.changeDocuments(row.id()).values().stream()
                .map(r -> new Views.EditedDocument(r.path(), r.revision(), r.deleted())).toList();
        return new Views.ChangeView(row.id(), row.title(), row.status(), row.reviewState(), row.baseRelease(), row.author(), authors(row), row.createdAt(),
                row.updatedAt(), row.publishedRelease(), documents, store.reviews(row.id()));
    }

    /** The change's author, then everyone who saved a document in it, in the order they first did: all count as its authors. */
    List<String> authors(AuthoringStore.ChangeRow change) {
        Set<String> authors = new LinkedHashSet<>();
        authors.add(change.author());
        authors.addAll(store.revisionAuthors(change.id()));
        return new ArrayList<>(authors);
    }

    /** The documents the change edits that a release published after its base changed too; empty when its base is current. */
    List<String> overlapping(AuthoringStore.ChangeRow change, int current) {
        if (current == change.baseRelease()) {
            return List.of();
        }
        Map<String, AuthoringStore.Revision> base = store.releaseDocuments(change.baseRelease());
        Map<String, AuthoringStore.Revision> now = store.releaseDocuments(current);
        return store.changeDocuments(change.id()).keySet().stream()
                .filter(path -> !Objects.equals(revisionOf(base.get(path)), revisionOf(now.get(path))))
                .toList();
    }

    private static Long revisionOf(AuthoringStore.Revision revision) {
        return revision == null ? null : revision.revision();
    }

    /**
     * Moves the change's base to the current release, so its first edits of other documents start from their current
     * content; refused, naming them, when a release since its base changed documents the change edits too.
     */
    Views.ChangeView rebase(long changeId, String actor) {
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = lockOpen(changeId);
            int current = store.currentReleaseNumber().orElseThrow();
            if (change.baseRelease() != current) {
                List<String> overlap = overlapping(change, current);
                if (!overlap.isEmpty()) {
                    throw new AuthoringException.Conflict(change.baseRelease(), current, overlap);
                }
                Instant now = clock.instant();
                store.moveBase(changeId, current, now);
                store.audit(actor, "change.rebase", "change " + changeId, "from release " + change.baseRelease() + " to release " + current, now);
            }
            return change(changeId);
        });
    }

    /** The change's row, locked until the transaction ends so edits and publishing of one change take turns; refused unless open. */
    AuthoringStore.ChangeRow lockOpen(long changeId) {
        return requireOpen(store.lockChange(changeId), changeId);
    }

    /** The change's row, refused unless open. */
    AuthoringStore.ChangeRow open(long changeId) {
        return requireOpen(store.change(changeId), changeId);
    }

    private static AuthoringStore.ChangeRow requireOpen(Optional<AuthoringStore.ChangeRow> row, long changeId) {
        AuthoringStore.ChangeRow change = row.orElseThrow(() -> new AuthoringException.NotFound("no change " + changeId));
        if (!change.status().equals("OPEN")) {
            throw new AuthoringException.Closed(changeId, change.status());
        }
        return change;
    }

    /** The bundle a change would publish now: the current release with the change's edits on top. */
    Bundle bundleOf(long changeId) {
        int current = store.currentReleaseNumber().orElseThrow();
        Map<String, String> documents = new TreeMap<>(store.bundle(current).documents());
        store.changeDocuments(changeId).forEach((path, revision) -> {
            if (revision.deleted()) {
                documents.remove(path);
            } else {
                documents.put(path, revision.content());
            }
        });
        return new Bundle(documents);
    }
}
