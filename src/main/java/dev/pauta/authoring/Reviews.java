package dev.pauta.authoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review with four eyes: an editor asks for review, a publisher approves or asks for changes (with a comment), and an edit
 * after a review request or an approval sends the change back to OPEN, because an approval is of specific content. With
 * four eyes on, nobody approves or publishes a change they authored (created, or saved a document in), and publishing
 * needs an approval. Every step is stored as a review event. Thread-safe.
 */
final class Reviews {

    static final String OPEN = "OPEN";
    static final String IN_REVIEW = "IN_REVIEW";
    static final String APPROVED = "APPROVED";
    static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";
    static final int MAX_COMMENT_CHARS = 2000;

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Changes changes;
    private final boolean fourEyes;

    Reviews(AuthoringStore store, TransactionTemplate tx, Clock clock, Changes changes, boolean fourEyes) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.changes = changes;
        this.fourEyes = fourEyes;
    }

    boolean fourEyes() {
        return fourEyes;
    }

    Views.ChangeView requestReview(long changeId, String actor) {
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = changes.lockOpen(changeId);
            if (!Set.of(OPEN, CHANGES_REQUESTED).contains(change.reviewState())) {
                throw new AuthoringException.WrongState("change " + changeId + " is already " + change.reviewState(), change.reviewState(),
                        change.reviewState().equals(APPROVED) ? "publish it, or edit it to send it back to OPEN" : "wait for a publisher to approve it or ask for changes");
            }
            if (store.changeDocuments(changeId).isEmpty()) {
                throw new AuthoringException.WrongState("change " + changeId + " edits no document, so there is nothing to review", change.reviewState(),
                        "save an edit in the change, then ask for review");
            }
            record(change, IN_REVIEW, "REQUESTED", actor, null, "change.review-request");
            return changes.change(changeId);
        });
    }

    Views.ChangeView approve(long changeId, String actor, String comment) {
        String said = comment(comment, false);
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = changes.lockOpen(changeId);
            if (!change.reviewState().equals(IN_REVIEW)) {
                throw new AuthoringException.WrongState("change " + changeId + " is " + change.reviewState() + "; only a change IN_REVIEW can be approved",
                        change.reviewState(), change.reviewState().equals(APPROVED) ? "it is approved already: publish it"
                        : "an editor asks for review first (POST /api/v1/changes/" + changeId + "/review-request)");
            }
            refuseAuthor(change, actor, "approve");
            record(change, APPROVED, APPROVED, actor, said, "change.approve");
            return changes.change(changeId);
        });
    }

    Views.ChangeView requestChanges(long changeId, String actor, String comment) {
        String said = comment(comment, true);
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = changes.lockOpen(changeId);
            if (!Set.of(IN_REVIEW, APPROVED).contains(change.reviewState())) {
                throw new AuthoringException.WrongState("change " + changeId + " is " + change.reviewState()
                        + "; changes can be asked for only on a change IN_REVIEW or APPROVED", change.reviewState(),
                        "an editor asks for review first (POST /api/v1/changes/" + changeId + "/review-request)");
            }
            record(change, CHANGES_REQUESTED, CHANGES_REQUESTED, actor, said, "change.request-changes");
            return changes.change(changeId);
        });
    }

    /** Called under the change's lock after a document of it was saved: approval is of specific content, so a review in progress starts over. */
    void edited(AuthoringStore.ChangeRow change, String actor, String what, Instant at) {
        if (change.reviewState().equals(IN_REVIEW) || change.reviewState().equals(APPROVED)) {
            store.setReviewState(change.id(), OPEN, at);
            store.insertReview(change.id(), "REOPENED", actor, at, truncate("edited " + what));
        }
    }

    /** Refused unless {@code actor} may publish the change now: with four eyes on, it is APPROVED and they did not author it. */
    void checkPublishable(AuthoringStore.ChangeRow change, String actor) {
        if (!fourEyes) {
            return;
        }
        refuseAuthor(change, actor, "publish");
        if (!change.reviewState().equals(APPROVED)) {
            throw new AuthoringException.NotApproved(change.id(), change.reviewState());
        }
    }

    /** Who approved the change, when it stands approved; null otherwise. */
    String reviewer(AuthoringStore.ChangeRow change) {
        if (!change.reviewState().equals(APPROVED)) {
            return null;
        }
        List<Views.ReviewEvent> events = store.reviews(change.id());
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).kind().equals(APPROVED)) {
                return events.get(i).actor();
            }
        }
        return null;
    }

    private void refuseAuthor(AuthoringStore.ChangeRow change, String actor, String action) {
        if (!fourEyes) {
            return;
        }
        List<String> authors = changes.authors(change);
        if (authors.contains(actor)) {
            throw new AuthoringException.FourEyes(change.id(), actor, action, authors);
        }
    }

    private void record(AuthoringStore.ChangeRow change, String state, String kind, String actor, String comment, String audit) {
        Instant now = clock.instant();
        store.setReviewState(change.id(), state, now);
        store.insertReview(change.id(), kind, actor, now, comment);
        store.audit(actor, audit, "change " + change.id(), comment, now);
    }

    private static String comment(String comment, boolean required) {
        String said = comment == null || comment.isBlank() ? null : comment.strip();
        if (said == null && required) {
            throw new AuthoringException.BadInput("comment", "asking for changes needs a comment saying what to change");
        }
        if (said != null && said.length() > MAX_COMMENT_CHARS) {
            throw new AuthoringException.BadInput("comment", "a review comment has at most " + MAX_COMMENT_CHARS + " characters; this one has " + said.length());
        }
        return said;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_COMMENT_CHARS ? text : text.substring(0, MAX_COMMENT_CHARS - 1) + "…";
    }
}
