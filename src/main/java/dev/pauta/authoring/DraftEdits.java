package dev.pauta.authoring;

import dev.pauta.manual.Bundle;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draft revisions of documents inside an open change, one edit or a whole zip at a time. An edit names the revision it
 * started from and is refused when that is no longer the latest, so two editors never overwrite each other unseen.
 */
final class DraftEdits {

    static final int MAX_DOCUMENT_CHARS = 200_000;

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Changes changes;
    private final Reviews reviews;

    DraftEdits(AuthoringStore store, TransactionTemplate tx, Clock clock, Changes changes, Reviews reviews) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.changes = changes;
        this.reviews = reviews;
    }

    Views.DocumentView put(long changeId, String path, String content, long baseRevision, String actor) {
        checkPath(path);
        if (content == null) {
            throw new AuthoringException.BadInput("content", "content is required; use DELETE to remove a document");
        }
        if (content.length() > MAX_DOCUMENT_CHARS) {
            throw new AuthoringException.BadInput("content", "a document may hold at most " + MAX_DOCUMENT_CHARS + " characters");
        }
        return save(changeId, path, content, baseRevision, actor, "edit");
    }

    Views.DocumentView delete(long changeId, String path, long baseRevision, String actor) {
        checkPath(path);
        return save(changeId, path, null, baseRevision, actor, "delete");
    }

    private Views.DocumentView save(long changeId, String path, String content, long baseRevision, String actor, String verb) {
        try {
            return tx.execute(status -> {
                AuthoringStore.ChangeRow change = changes.lockOpen(changeId);
                Instant now = clock.instant();
                Views.DocumentView saved = write(change, path, content, baseRevision, actor, verb, now);
                reviews.edited(change, actor, path, now);
                return saved;
            });
        } catch (DuplicateKeyException e) {
            // Two first edits of one path raced; the loser is told what the winner saved.
            AuthoringStore.Revision winner = store.changeDocuments(changeId).get(path);
            throw new AuthoringException.StaleRevision(path, baseRevision, winner == null ? 0 : winner.revision(), winner == null ? null : winner.content());
        }
    }

    /** The revision an edit of the path in the change starts from: the change's draft, else its base release's; null when neither holds it. */
    AuthoringStore.Revision latest(AuthoringStore.ChangeRow change, String path) {
        AuthoringStore.Revision draft = store.changeDocuments(change.id()).get(path);
        return draft != null ? draft : store.releaseDocuments(change.baseRelease()).get(path);
    }

    /**
     * Saves a new revision of the path (null content deletes it) in a change whose row the caller has locked, refused
     * when {@code baseRevision} is not the latest; the caller tells {@link Reviews} the change was edited.
     */
    Views.DocumentView write(AuthoringStore.ChangeRow change, String path, String content, long baseRevision, String actor, String verb, Instant now) {
        long changeId = change.id();
        AuthoringStore.Revision draft = store.changeDocuments(changeId).get(path);
        AuthoringStore.Revision latest = latest(change, path);
        long latestRevision = latest == null ? 0 : latest.revision();
        if (baseRevision != latestRevision) {
            throw new AuthoringException.StaleRevision(path, baseRevision, latestRevision, latest == null ? null : latest.content());
        }
        if (content == null && latest == null) {
            throw new AuthoringException.NotFound("'" + path + "' does not exist in change " + changeId);
        }
        long revision = store.insertRevision(path, content, actor, verb + " in change " + changeId + ": " + change.title(), now, changeId);
        if (!store.moveChangeDocument(changeId, path, draft == null ? null : draft.revision(), revision)) {
            throw new AuthoringException.StaleRevision(path, baseRevision, latestRevision, latest == null ? null : latest.content());
        }
        store.touchChange(changeId, now);
        store.audit(actor, "document." + verb, path, "change " + changeId + ", revision " + revision, now);
        return new Views.DocumentView(path, content, revision, null);
    }

    /** Makes the change hold exactly the zip's documents: new and modified ones are saved, missing ones deleted. */
    Views.ImportReport importArchive(long changeId, byte[] archive, String actor) {
        Bundle incoming = BundleArchive.read(archive);
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = changes.lockOpen(changeId);
            Map<String, String> now = new TreeMap<>(changes.bundleOf(changeId).documents());
            Map<String, AuthoringStore.Revision> drafts = store.changeDocuments(changeId);
            Instant at = clock.instant();
            int added = 0;
            int modified = 0;
            int deleted = 0;
            int unchanged = 0;
            String message = "import into change " + changeId + ": " + change.title();
            for (Map.Entry<String, String> doc : incoming.documents().entrySet()) {
                String before = now.get(doc.getKey());
                if (doc.getValue().equals(before)) {
                    unchanged++;
                    continue;
                }
                long revision = store.insertRevision(doc.getKey(), doc.getValue(), actor, message, at, changeId);
                moveOrFail(changeId, doc.getKey(), drafts.get(doc.getKey()), revision);
                if (before == null) {
                    added++;
                } else {
                    modified++;
                }
            }
            for (String path : now.keySet()) {
                if (!incoming.documents().containsKey(path)) {
                    long revision = store.insertRevision(path, null, actor, message, at, changeId);
                    moveOrFail(changeId, path, drafts.get(path), revision);
                    deleted++;
                }
            }
            store.touchChange(changeId, at);
            if (added + modified + deleted > 0) {
                reviews.edited(change, actor, "by import: " + added + " added, " + modified + " modified, " + deleted + " deleted", at);
            }
            store.audit(actor, "change.import", "change " + changeId, added + " added, " + modified + " modified, " + deleted + " deleted", at);
            return new Views.ImportReport(added, modified, deleted, unchanged);
        });
    }

    private void moveOrFail(long changeId, String path, AuthoringStore.Revision draft, long revision) {
        if (!store.moveChangeDocument(changeId, path, draft == null ? null : draft.revision(), revision)) {
            throw new AuthoringException.StaleRevision(path, draft == null ? 0 : draft.revision(), -1, null);
        }
    }

    static void checkPath(String path) {
        if (path != null && path.length() > Bundle.MAX_PATH_LENGTH) {
            throw new AuthoringException.BadInput("path", "a document path has at most " + Bundle.MAX_PATH_LENGTH + " characters; this one has " + path.length());
        }
        if (!Bundle.isDocumentPath(path)) {
            throw new AuthoringException.BadInput("path", "'" + path + "' is not a bundle document path; use manual/<locale>/<id>.md, rules/<name>.drl or rules/tests/<name>.yaml");
        }
    }
}
