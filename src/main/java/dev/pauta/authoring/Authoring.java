package dev.pauta.authoring;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.pauta.guidance.BundleValidator;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Release;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Policy owners' work on the manual: changes edited per document with optimistic concurrency, validated,
 * published as immutable releases and rolled back by publishing an old release's content again.
 * Publishing compiles the snapshot off to the side, commits the release in one transaction, then swaps
 * the snapshot in; a crash leaves the old release or the new one, never a mix. Thread-safe.
 */
public class Authoring {

    private static final Logger log = LoggerFactory.getLogger(Authoring.class);
    static final int MAX_DOCUMENT_CHARS = 200_000;

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final SnapshotCompiler compiler;
    private final SnapshotHolder holder;
    private final Clock clock;
    private final BundleValidator validator;
    private final ReentrantLock publishing = new ReentrantLock();
    private final Timer publishTimer;

    Authoring(AuthoringStore store, TransactionTemplate tx, SnapshotCompiler compiler, SnapshotHolder holder, Clock clock, MeterRegistry meters) {
        this.publishTimer = Timer.builder("pauta.publish.duration").description("validate, compile, commit and swap in a release").register(meters);
        this.store = store;
        this.tx = tx;
        this.compiler = compiler;
        this.validator = new BundleValidator(compiler);
        this.holder = holder;
        this.clock = clock;
    }

    // --- start-up

    /** Loads the current release into the holder; on an empty database imports the folder bundle as release 1 first. */
    void start(Bundle folder) {
        Integer current = store.currentReleaseNumber().orElse(null);
        if (current == null) {
            Snapshot snapshot = compile(folder, 1, "system", "Import of the shipped manual and rules");
            tx.executeWithoutResult(status -> {
                Instant now = clock.instant();
                Map<String, Long> revisions = new TreeMap<>();
                folder.documents().forEach((path, content) -> revisions.put(path, store.insertRevision(path, content, "system", "Imported from the bundle folder", now, null)));
                store.insertRelease(1, folder.hash(), "system", "Import of the shipped manual and rules", now, "IMPORT", null, revisions);
                store.audit("system", "release.import", "release 1", revisions.size() + " documents from the bundle folder", now);
            });
            holder.swap(snapshot);
            log.info("Imported the bundle folder as release 1 ({} documents)", folder.documents().size());
            return;
        }
        Views.ReleaseView release = store.release(current).orElseThrow();
        Bundle bundle = store.bundle(current);
        if (!bundle.hash().equals(release.hash()) || bundle.documents().size() != release.documents()) {
            throw new IllegalStateException("release " + current + " in the database is incomplete: its documents do not match its hash");
        }
        holder.swap(compiler.compile(bundle, new Release(current, release.hash(), release.createdAt(), release.author(), release.message())));
        log.info("Serving release {} from the database ({} documents)", current, bundle.documents().size());
    }

    // --- changes

    public Views.ChangeView createChange(String title, String actor) {
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

    public Views.ChangeView change(long id) {
        return view(store.change(id).orElseThrow(() -> new AuthoringException.NotFound("no change " + id)));
    }

    public List<Views.ChangeView> changes() {
        return store.changes().stream().map(this::view).toList();
    }

    private Views.ChangeView view(AuthoringStore.ChangeRow row) {
        List<Views.EditedDocument> documents = store.changeDocuments(row.id()).values().stream()
                .map(r -> new Views.EditedDocument(r.path(), r.revision(), r.deleted())).toList();
        return new Views.ChangeView(row.id(), row.title(), row.status(), row.baseRelease(), row.author(), row.createdAt(), row.updatedAt(),
                row.publishedRelease(), documents);
    }

    /**
     * Saves a new draft revision of a document in a change. {@code baseRevision} is the revision the editor started
     * from (the change's latest, or the base release's for a first edit; 0 for a new document); a stale one is refused.
     */
    public Views.DocumentView putDocument(long changeId, String path, String content, long baseRevision, String actor) {
        checkPath(path);
        if (content == null) {
            throw new AuthoringException.BadInput("content", "content is required; use DELETE to remove a document");
        }
        if (content.length() > MAX_DOCUMENT_CHARS) {
            throw new AuthoringException.BadInput("content", "a document may hold at most " + MAX_DOCUMENT_CHARS + " characters");
        }
        return saveDraft(changeId, path, content, baseRevision, actor, "edit");
    }

    public Views.DocumentView deleteDocument(long changeId, String path, long baseRevision, String actor) {
        checkPath(path);
        return saveDraft(changeId, path, null, baseRevision, actor, "delete");
    }

    private Views.DocumentView saveDraft(long changeId, String path, String content, long baseRevision, String actor, String verb) {
        try {
            return tx.execute(status -> {
                AuthoringStore.ChangeRow change = openChange(changeId);
                AuthoringStore.Revision draft = store.changeDocuments(changeId).get(path);
                AuthoringStore.Revision base = store.releaseDocuments(change.baseRelease()).get(path);
                AuthoringStore.Revision latest = draft != null ? draft : base;
                long latestRevision = latest == null ? 0 : latest.revision();
                if (baseRevision != latestRevision) {
                    throw new AuthoringException.StaleRevision(path, baseRevision, latestRevision, latest == null ? null : latest.content());
                }
                if (content == null && latest == null) {
                    throw new AuthoringException.NotFound("'" + path + "' does not exist in change " + changeId);
                }
                Instant now = clock.instant();
                long revision = store.insertRevision(path, content, actor, verb + " in change " + changeId + ": " + change.title(), now, changeId);
                if (!store.moveChangeDocument(changeId, path, draft == null ? null : draft.revision(), revision)) {
                    throw new AuthoringException.StaleRevision(path, baseRevision, latestRevision, latest == null ? null : latest.content());
                }
                store.touchChange(changeId, now);
                store.audit(actor, "document." + verb, path, "change " + changeId + ", revision " + revision, now);
                return new Views.DocumentView(path, content, revision, null);
            });
        } catch (DuplicateKeyException e) {
            // Two first edits of one path raced; the loser is told what the winner saved.
            AuthoringStore.Revision winner = store.changeDocuments(changeId).get(path);
            throw new AuthoringException.StaleRevision(path, baseRevision, winner == null ? 0 : winner.revision(), winner == null ? null : winner.content());
        }
    }

    private AuthoringStore.ChangeRow openChange(long changeId) {
        AuthoringStore.ChangeRow change = store.lockChange(changeId).orElseThrow(() -> new AuthoringException.NotFound("no change " + changeId));
        if (!change.status().equals("OPEN")) {
            throw new AuthoringException.Closed(changeId, change.status());
        }
        return change;
    }

    /** The bundle a change would publish now, for replaying decisions against it. */
    public Bundle changeBundle(long changeId) {
        change(changeId);
        return bundleOf(changeId);
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

    public Views.ValidationReport validate(long changeId) {
        change(changeId);
        return validate(bundleOf(changeId));
    }

    /** Everything that would stop a bundle from being published: compile problems, looping rules, unreadable or failing scenarios. */
    public Views.ValidationReport validate(Bundle bundle) {
        return report(validator.validate(bundle, new Release(0, bundle.hash(), clock.instant(), null, null), true));
    }

    private static Views.ValidationReport report(BundleValidator.Result result) {
        return new Views.ValidationReport(result.ok(), result.problems(), result.scenariosPassed(), result.scenariosFailed());
    }

    public Views.ReleaseView publish(long changeId, String message, String actor) {
        String why = message == null || message.isBlank() ? change(changeId).title() : message.trim();
        publishing.lock();
        try {
            AuthoringStore.ChangeRow change = store.change(changeId).orElseThrow(() -> new AuthoringException.NotFound("no change " + changeId));
            if (!change.status().equals("OPEN")) {
                throw new AuthoringException.Closed(changeId, change.status());
            }
            int current = store.currentReleaseNumber().orElseThrow();
            Map<String, AuthoringStore.Revision> edits = store.changeDocuments(changeId);
            if (current != change.baseRelease()) {
                Map<String, AuthoringStore.Revision> base = store.releaseDocuments(change.baseRelease());
                Map<String, AuthoringStore.Revision> now = store.releaseDocuments(current);
                List<String> touched = edits.keySet().stream()
                        .filter(path -> !Objects.equals(revisionOf(base.get(path)), revisionOf(now.get(path))))
                        .toList();
                if (!touched.isEmpty()) {
                    throw new AuthoringException.Conflict(change.baseRelease(), current, touched);
                }
            }
            Bundle bundle = bundleOf(changeId);
            log.info("Validating change {} as release {}", changeId, current + 1);
            return publishBundle(bundle, current + 1, actor, why, "PUBLISH", (int) changeId, () -> {
                Map<String, Long> all = new TreeMap<>();
                store.releaseDocuments(current).forEach((path, r) -> all.put(path, r.revision()));
                edits.forEach((path, r) -> {
                    if (r.deleted()) {
                        all.remove(path);
                    } else {
                        all.put(path, r.revision());
                    }
                });
                return all;
            }, () -> store.closeChange(changeId, "PUBLISHED", current + 1, clock.instant()));
        } finally {
            publishing.unlock();
        }
    }

    /** Publishes release {@code number}'s content again as a new release; history is never rewritten. */
    public Views.ReleaseView rollback(int number, String actor) {
        publishing.lock();
        try {
            Views.ReleaseView target = store.release(number).orElseThrow(() -> new AuthoringException.NotFound("no release " + number));
            int current = store.currentReleaseNumber().orElseThrow();
            if (number == current) {
                throw new AuthoringException.BadInput("release", "release " + number + " is already the current release");
            }
            Map<String, AuthoringStore.Revision> documents = store.releaseDocuments(number);
            Bundle bundle = store.bundle(number);
            String message = "Roll back to release " + number + " (" + target.message() + ")";
            return publishBundle(bundle, current + 1, actor, message, "ROLLBACK", number, () -> {
                Map<String, Long> all = new TreeMap<>();
                documents.forEach((path, r) -> all.put(path, r.revision()));
                return all;
            }, () -> { });
        } finally {
            publishing.unlock();
        }
    }

    private Views.ReleaseView publishBundle(Bundle bundle, int number, String actor, String message, String kind, Integer source,
                                            Supplier<Map<String, Long>> revisions, Runnable alsoInTransaction) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        BundleValidator.Result result = validator.validate(bundle, new Release(number, bundle.hash(), now, actor, message), true);
        if (!result.ok()) {
            throw new InvalidBundleException(result.problems());
        }
        Snapshot snapshot = result.snapshot();
        tx.executeWithoutResult(status -> {
            log.info("Writing release {} ({} documents)", number, bundle.documents().size());
            store.insertRelease(number, bundle.hash(), actor, message, now, kind, source, revisions.get());
            alsoInTransaction.run();
            store.audit(actor, "release." + kind.toLowerCase(), "release " + number, message, now);
        });
        holder.swap(snapshot);
        publishTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        log.info("Release {} is live ({} ms, {} scenarios passed)", number, (System.nanoTime() - started) / 1_000_000, result.scenariosPassed());
        return store.release(number).orElseThrow();
    }

    private Snapshot compile(Bundle bundle, int number, String actor, String message) {
        return compiler.compile(bundle, new Release(number, bundle.hash(), clock.instant(), actor, message));
    }

    private static Long revisionOf(AuthoringStore.Revision revision) {
        return revision == null ? null : revision.revision();
    }

    // --- reading

    public List<Views.ReleaseView> releases() {
        return store.releases();
    }

    public Views.ReleaseView release(int number) {
        return store.release(number).orElseThrow(() -> new AuthoringException.NotFound("no release " + number));
    }

    public Map<String, Long> releaseRevisions(int number) {
        release(number);
        Map<String, Long> revisions = new LinkedHashMap<>();
        store.releaseDocuments(number).forEach((path, r) -> revisions.put(path, r.revision()));
        return revisions;
    }

    public Views.DocumentView document(String path, Integer release) {
        int number = release != null ? release : store.currentReleaseNumber().orElseThrow();
        release(number);
        AuthoringStore.Revision revision = store.releaseDocuments(number).get(path);
        if (revision == null) {
            throw new AuthoringException.NotFound("'" + path + "' is not in release " + number);
        }
        return new Views.DocumentView(path, revision.content(), revision.revision(), number);
    }

    public List<Views.RevisionView> history(String path) {
        List<Views.RevisionView> history = store.history(path).stream()
                .map(r -> new Views.RevisionView(r.path(), r.revision(), r.author(), r.message(), r.createdAt(), r.contentHash(), r.deleted(), r.changeId()))
                .toList();
        if (history.isEmpty()) {
            throw new AuthoringException.NotFound("no document has ever been saved at '" + path + "'");
        }
        return history;
    }

    public List<Views.DocumentDiff> diff(int from, int to) {
        release(from);
        release(to);
        Map<String, AuthoringStore.Revision> a = store.releaseDocuments(from);
        Map<String, AuthoringStore.Revision> b = store.releaseDocuments(to);
        List<Views.DocumentDiff> diffs = new ArrayList<>();
        for (String path : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            AuthoringStore.Revision left = a.get(path);
            AuthoringStore.Revision right = b.get(path);
            if (left != null && right != null && left.contentHash().equals(right.contentHash())) {
                continue;
            }
            String status = left == null ? "ADDED" : right == null ? "REMOVED" : "MODIFIED";
            List<String> before = left == null ? List.of() : left.content().lines().toList();
            List<String> after = right == null ? List.of() : right.content().lines().toList();
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("release-" + from + "/" + path, "release-" + to + "/" + path, before,
                    DiffUtils.diff(before, after), 3);
            diffs.add(new Views.DocumentDiff(path, status, String.join("\n", unified)));
        }
        return diffs;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    public byte[] export(int number) {
        release(number);
        return BundleArchive.write(store.bundle(number));
    }

    /** Makes the change hold exactly the zip's documents: new and modified ones are saved, missing ones deleted. */
    public Views.ImportReport importArchive(long changeId, byte[] archive, String actor) {
        Bundle incoming = BundleArchive.read(archive);
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = openChange(changeId);
            Map<String, String> now = new TreeMap<>(bundleOf(changeId).documents());
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
            store.audit(actor, "change.import", "change " + changeId, added + " added, " + modified + " modified, " + deleted + " deleted", at);
            return new Views.ImportReport(added, modified, deleted, unchanged);
        });
    }

    private void moveOrFail(long changeId, String path, AuthoringStore.Revision draft, long revision) {
        if (!store.moveChangeDocument(changeId, path, draft == null ? null : draft.revision(), revision)) {
            throw new AuthoringException.StaleRevision(path, draft == null ? 0 : draft.revision(), -1, null);
        }
    }

    public List<Views.AuditEntry> audit(int limit) {
        return store.audit(Math.max(1, Math.min(limit, 500)));
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
