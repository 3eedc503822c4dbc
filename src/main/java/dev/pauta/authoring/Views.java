package dev.pauta.authoring;

import java.time.Instant;
import java.util.List;

/** The records the authoring module hands to the API; plain data, no persistence types. */
public final class Views {

    private Views() {
    }

    /** A published release: number, content hash, who published it, why, and what it came from. */
    public record ReleaseView(int number, String hash, String author, String message, Instant createdAt, String kind, Integer source, int documents,
                              boolean current) {
    }

    /** One document of a change as it now stands; {@code deleted} when the change removes it. */
    public record EditedDocument(String path, long revision, boolean deleted) {
    }

    /** A change (like a pull request): its base release, status and the documents it edits. */
    public record ChangeView(long id, String title, String status, int baseRelease, String author, Instant createdAt, Instant updatedAt,
                             Integer publishedRelease, List<EditedDocument> documents) {
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
