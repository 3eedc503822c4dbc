package dev.pauta.authoring;

import dev.pauta.guidance.BundleValidator;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Release;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validation and the two ways a release is made: publishing a change, and rolling back by publishing an old release's
 * content again. A release is compiled off to the side, committed in one transaction, then swapped in, one at a time;
 * a crash leaves the old release or the new one, never a mix.
 */
final class Publishing {

    private static final Logger log = LoggerFactory.getLogger(Publishing.class);

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final SnapshotHolder holder;
    private final Clock clock;
    private final Changes changes;
    private final Reviews reviews;
    private final BundleValidator validator;
    private final ReentrantLock publishing = new ReentrantLock();
    private final Timer publishTimer;

    Publishing(AuthoringStore store, TransactionTemplate tx, SnapshotCompiler compiler, SnapshotHolder holder, Clock clock, Changes changes,
               Reviews reviews, MeterRegistry meters) {
        this.store = store;
        this.tx = tx;
        this.holder = holder;
        this.clock = clock;
        this.changes = changes;
        this.reviews = reviews;
        this.validator = new BundleValidator(compiler);
        this.publishTimer = Timer.builder("pauta.publish.duration").description("validate, compile, commit and swap in a release").register(meters);
    }

    /** Everything that would stop a bundle from being published: compile problems, looping rules, unreadable or failing scenarios. */
    Views.ValidationReport validate(Bundle bundle) {
        BundleValidator.Result result = validator.validate(bundle, new Release(0, bundle.hash(), clock.instant(), null, null), true);
        return new Views.ValidationReport(result.ok(), result.problems(), result.scenariosPassed(), result.scenariosFailed());
    }

    Views.ReleaseView publish(long changeId, String message, String actor) {
        String why = message == null || message.isBlank() ? changes.change(changeId).title() : message.trim();
        publishing.lock();
        try {
            AuthoringStore.ChangeRow change = changes.open(changeId);
            reviews.checkPublishable(change, actor);
            int current = store.currentReleaseNumber().orElseThrow();
            List<String> overlap = changes.overlapping(change, current);
            if (!overlap.isEmpty()) {
                throw new AuthoringException.Conflict(change.baseRelease(), current, overlap);
            }
            Map<String, AuthoringStore.Revision> edits = store.changeDocuments(changeId);
            Bundle bundle = changes.bundleOf(changeId);
            AuthoringStore.Makers makers = new AuthoringStore.Makers(change.author(), reviews.reviewer(change), actor);
            log.info("Validating change {} as release {}", changeId, current + 1);
            return publishBundle(bundle, current + 1, makers, why, "PUBLISH", (int) changeId, () -> {
                unchangedSince(change, edits);
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

    /**
     * In the publishing transaction, with the change's row locked: what was validated is still what the change holds, in
     * the review state it was checked in, so an edit saved while the release compiled is never published unseen.
     */
    private void unchangedSince(AuthoringStore.ChangeRow checked, Map<String, AuthoringStore.Revision> validated) {
        AuthoringStore.ChangeRow now = changes.lockOpen(checked.id());
        Map<String, AuthoringStore.Revision> edits = store.changeDocuments(checked.id());
        boolean same = edits.size() == validated.size()
                && edits.entrySet().stream().allMatch(e -> validated.containsKey(e.getKey()) && validated.get(e.getKey()).revision() == e.getValue().revision());
        if (!same || !now.reviewState().equals(checked.reviewState()) || now.baseRelease() != checked.baseRelease()) {
            throw new AuthoringException.WrongState("change " + checked.id() + " was edited while it was being published, so it was not",
                    now.reviewState(), "read the change again and publish it once it is as you want it" + (reviews.fourEyes() ? " and approved" : ""));
        }
    }

    /** Publishes release {@code number}'s content again as a new release; history is never rewritten. */
    Views.ReleaseView rollback(int number, String actor) {
        publishing.lock();
        try {
            Views.ReleaseView target = store.release(number).orElseThrow(() -> new AuthoringException.NotFound("no release " + number));
            int current = store.currentReleaseNumber().orElseThrow();
            if (number == current) {
                throw new AuthoringException.BadInput("release", "release " + number + " is already the current release");
            }
            Map<String, AuthoringStore.Revision> documents = store.releaseDocuments(number);
            String message = "Roll back to release " + number + " (" + target.message() + ")";
            return publishBundle(store.bundle(number), current + 1, new AuthoringStore.Makers(actor, null, actor), message, "ROLLBACK", number, () -> {
                Map<String, Long> all = new TreeMap<>();
                documents.forEach((path, r) -> all.put(path, r.revision()));
                return all;
            }, () -> { });
        } finally {
            publishing.unlock();
        }
    }

    private Views.ReleaseView publishBundle(Bundle bundle, int number, AuthoringStore.Makers makers, String message, String kind, Integer source,
                                            Supplier<Map<String, Long>> revisions, Runnable alsoInTransaction) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        String actor = makers.publisher();
        BundleValidator.Result result = validator.validate(bundle, new Release(number, bundle.hash(), now, makers.author(), message), true);
        if (!result.ok()) {
            throw new InvalidBundleException(result.problems());
        }
        Snapshot snapshot = result.snapshot();
        tx.executeWithoutResult(status -> {
            log.info("Writing release {} ({} documents)", number, bundle.documents().size());
            store.insertRelease(number, bundle.hash(), makers, message, now, kind, source, revisions.get());
            alsoInTransaction.run();
            store.audit(actor, "release." + kind.toLowerCase(), "release " + number, message, now);
        });
        holder.swap(snapshot);
        publishTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        log.info("Release {} is live ({} ms, {} scenarios passed)", number, (System.nanoTime() - started) / 1_000_000, result.scenariosPassed());
        return store.release(number).orElseThrow();
    }
}
