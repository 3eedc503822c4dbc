package dev.pauta.authoring;

import java.time.Instant;
import java.util.List;

/** The records the authoring module hands to the API; plain data, no persistence types. */
public final class Views {

    private Views() {
    }

    /**
     * A published release: number, content hash, who authored its content, who approved it (null when nobody did) and who
     * published it, why, and what it came from.
     */
    public record ReleaseView(int number, String hash, String author, String reviewer, String publisher, String message, Instant createdAt, String kind,
                              Integer source, int documents, boolean current) {
    }

    /** One document of a change as it now stands; {@code deleted} when the change removes it. */
    public record EditedDocument(String path, long revision, boolean deleted) {
    }

    /**
     * A change (like a pull request): its base release, status (OPEN until PUBLISHED), review state (OPEN, IN_REVIEW, APPROVED,
     * CHANGES_REQUESTED, then PUBLISHED or CLOSED), the documents it edits, everyone who authored it (its author first, then
     * whoever saved a document in it) and its review events, oldest first.
     */
    public record ChangeView(long id, String title, String status, String reviewState, int baseRelease, String author, List<String> authors,
                             Instant createdAt, Instant updatedAt, Integer publishedRelease, List<EditedDocument> documents, List<ReviewEvent> reviews) {
    }

    /**
     * One step of a change's review: REQUESTED (by an editor), APPROVED or CHANGES_REQUESTED (by a publisher), or REOPENED
     * (an edit after a review request or an approval sent the change back to OPEN); {@code comment} may be null.
     */
    public record ReviewEvent(String kind, String actor, Instant at, String comment) {
    }

    /** A document's content at a revision, and the release it was read from (null for a draft). */
    public record DocumentView(String path, String content, long revision, Integer release) {
    }

    /** One saved revision of a document. */
    public record RevisionView(String path, long revision, String author, String message, Instant createdAt, String contentHash, boolean deleted,
                               Long changeId) {
    }

    /** The outcome of validating a change's bundle. */
    public record ValidationReport(boolean ok, List<dev.pauta.manual.Problem> errors, long scenariosPassed, long scenariosFailed) {
    }

    /** How one document differs between two releases: ADDED, REMOVED or MODIFIED, with a unified diff. */
    public record DocumentDiff(String path, String status, String diff) {
    }

    /** What importing a zip into a change did. */
    public record ImportReport(int added, int modified, int deleted, int unchanged) {
    }

    /** One entry of the audit trail. */
    public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
    }
}
