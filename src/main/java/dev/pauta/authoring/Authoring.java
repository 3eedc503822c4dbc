package dev.pauta.authoring;

import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Policy owners' work on the manual, the one entry point the API calls: changes edited per document with
 * optimistic concurrency ({@link Changes}, {@link DraftEdits}), reviewed with four eyes ({@link Reviews}), validated and
 * published as immutable releases or rolled back by publishing an old release's content again ({@link Publishing}),
 * releases read, diffed and exported ({@link Releases}), and who changed what ({@link History}). Policy tables edited as
 * forms are {@link PolicyTableForms}. Thread-safe.
 */
public class Authoring {

    final AuthoringStore store;
    final TransactionTemplate tx;
    final Clock clock;
    final Changes changes;
    final DraftEdits edits;
    final Reviews reviews;
    private final Publishing publishing;
    private final Releases releases;
    private final History history;

    Authoring(AuthoringStore store, TransactionTemplate tx, SnapshotCompiler compiler, SnapshotHolder holder, Clock clock, MeterRegistry meters,
              boolean fourEyes) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.changes = new Changes(store, tx, clock);
        this.reviews = new Reviews(store, tx, clock, changes, fourEyes);
        this.edits = new DraftEdits(store, tx, clock, changes, reviews);
        this.publishing = new Publishing(store, tx, compiler, holder, clock, changes, reviews, meters);
        this.releases = new Releases(store);
        this.history = new History(store);
    }

    // --- changes and their documents

    public Views.ChangeView createChange(String title, String actor) {
        return changes.create(title, actor);
    }

    public Views.ChangeView change(long id) {
        return changes.change(id);
    }

    public List<Views.ChangeView> changes() {
        return changes.changes();
    }

    /**
     * Saves a new draft revision of a document in a change. {@code baseRevision} is the revision the editor started
     * from (the change's latest, or the base release's for a first edit; 0 for a new document); a stale one is refused.
     */
    public Views.DocumentView putDocument(long changeId, String path, String content, long baseRevision, String actor) {
        return edits.put(changeId, path, content, baseRevision, actor);
    }

    public Views.DocumentView deleteDocument(long changeId, String path, long baseRevision, String actor) {
        return edits.delete(changeId, path, baseRevision, actor);
    }

    /** Makes the change hold exactly the zip's documents: new and modified ones are saved, missing ones deleted. */
    public Views.ImportReport importArchive(long changeId, byte[] archive, String actor) {
        return edits.importArchive(changeId, archive, actor);
    }

    /**
     * Moves the change's base to the current release, so first edits of documents it does not edit yet start from their
     * current content; refused with {@link AuthoringException.Conflict} naming them when a release published since its base
     * changed documents the change edits too. The review state stays: what the change holds is the same.
     */
    public Views.ChangeView rebase(long changeId, String actor) {
        return changes.rebase(changeId, actor);
    }

    // --- review

    /** Whether four-eyes review is on ({@code pauta.authoring.four-eyes}): publishing then needs an approval by someone who did not author the change. */
    public boolean fourEyes() {
        return reviews.fourEyes();
    }

    /**
     * An editor asks for review: OPEN or CHANGES_REQUESTED → IN_REVIEW.
     *
     * @throws AuthoringException.WrongState when the change is already in review or approved, or edits no document
     */
    public Views.ChangeView requestReview(long changeId, String actor) {
        return reviews.requestReview(changeId, actor);
    }

    /**
     * A publisher approves the change as it now stands: IN_REVIEW → APPROVED; {@code comment} is optional.
     *
     * @throws AuthoringException.FourEyes   when four eyes are on and {@code actor} authored the change
     * @throws AuthoringException.WrongState when the change is not IN_REVIEW
     */
    public Views.ChangeView approve(long changeId, String actor, String comment) {
        return reviews.approve(changeId, actor, comment);
    }

    /**
     * A publisher asks for changes, saying which in {@code comment} (required): IN_REVIEW or APPROVED → CHANGES_REQUESTED.
     *
     * @throws AuthoringException.WrongState when the change is neither IN_REVIEW nor APPROVED
     */
    public Views.ChangeView requestChanges(long changeId, String actor, String comment) {
        return reviews.requestChanges(changeId, actor, comment);
    }

    /** The bundle a change would publish now, for replaying decisions against it. */
    public Bundle changeBundle(long changeId) {
        changes.change(changeId);
        return changes.bundleOf(changeId);
    }

    // --- validation and publishing

    public Views.ValidationReport validate(long changeId) {
        return publishing.validate(changeBundle(changeId));
    }

    /** Everything that would stop a bundle from being published: compile problems, looping rules, unreadable or failing scenarios. */
    public Views.ValidationReport validate(Bundle bundle) {
        return publishing.validate(bundle);
    }

    /**
     * Publishes the change as the next release, recording its author, the publisher who approved it and {@code actor}.
     *
     * @throws AuthoringException.FourEyes    when four eyes are on and {@code actor} authored the change
     * @throws AuthoringException.NotApproved when four eyes are on and the change is not APPROVED
     * @throws AuthoringException.Conflict    when a release published since its base changed documents it edits
     */
    public Views.ReleaseView publish(long changeId, String message, String actor) {
        return publishing.publish(changeId, message, actor);
    }

    /** Publishes release {@code number}'s content again as a new release; history is never rewritten. */
    public Views.ReleaseView rollback(int number, String actor) {
        return publishing.rollback(number, actor);
    }

    // --- releases

    public List<Views.ReleaseView> releases() {
        return releases.releases();
    }

    public Views.ReleaseView release(int number) {
        return releases.release(number);
    }

    public Map<String, Long> releaseRevisions(int number) {
        return releases.revisions(number);
    }

    public Views.DocumentView document(String path, Integer release) {
        return releases.document(path, release);
    }

    public List<Views.DocumentDiff> diff(int from, int to) {
        return releases.diff(from, to);
    }

    public byte[] export(int number) {
        return releases.export(number);
    }

    // --- history

    public List<Views.RevisionView> history(String path) {
        return history.of(path);
    }

    public List<Views.AuditEntry> audit(int limit) {
        return history.audit(limit);
    }
}
