package dev.pauta.api;

import dev.pauta.authoring.Views;
import dev.pauta.manual.Problem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The wire forms of authoring: changes, documents, validation, releases, diffs, imports and the audit trail. */
final class AuthoringDtos {

    private AuthoringDtos() {
    }

    @Schema(name = "CreateChange")
    @FixHint("send a title: 1 to 300 characters that are not all spaces")
    record CreateChange(@Schema(example = "Gold customers get 18 % from day five") @NotNull @Size(min = 1, max = 300) @Pattern(regexp = Formats.NOT_BLANK) String title) {
    }

    @Schema(name = "PutDocument")
    @FixHint("send content (the whole document) and baseRevision (the revision you edited, from GET /api/v1/documents; 0 for a new document)")
    record PutDocument(@NotNull String content, @NotNull @Min(0) Long baseRevision) {
    }

    @Schema(name = "Publish")
    @FixHint("send message: up to 2,000 characters saying why, or no body")
    record Publish(@Size(max = 2000) String message) {
    }

    @Schema(name = "EditedDocument")
    record EditedDocumentDto(String path, long revision, boolean deleted) {
    }

    @Schema(name = "Change")
    record ChangeDto(long id, String title, @Schema(allowableValues = {"OPEN", "PUBLISHED"}) String status, int baseRelease, String author,
                     Instant createdAt, Instant updatedAt, @Schema(nullable = true) Integer publishedRelease, List<EditedDocumentDto> documents) {
        static ChangeDto of(Views.ChangeView c) {
            return new ChangeDto(c.id(), c.title(), c.status(), c.baseRelease(), c.author(), c.createdAt(), c.updatedAt(), c.publishedRelease(),
                    c.documents().stream().map(d -> new EditedDocumentDto(d.path(), d.revision(), d.deleted())).toList());
        }
    }

    @Schema(name = "Document")
    record DocumentDto(@Schema(example = "manual/en/faq.md") String path, @Schema(nullable = true, description = "null when the change deletes it") String content,
                       long revision, @Schema(nullable = true, description = "the release it was read from; null for a change's draft") Integer release) {
        static DocumentDto of(Views.DocumentView d) {
            return new DocumentDto(d.path(), d.content(), d.revision(), d.release());
        }
    }

    @Schema(name = "Revision")
    record RevisionDto(String path, long revision, String author, @Schema(nullable = true) String message, Instant createdAt, String contentHash,
                       boolean deleted, @Schema(nullable = true) Long changeId) {
        static RevisionDto of(Views.RevisionView r) {
            return new RevisionDto(r.path(), r.revision(), r.author(), r.message(), r.createdAt(), r.contentHash(), r.deleted(), r.changeId());
        }
    }

    @Schema(name = "BundleProblem", description = "One thing wrong with a bundle: where, what, and how to fix it.")
    record BundleProblemDto(String path, @Schema(description = "1-based; 0 when it concerns the whole document") int line, String message,
                            @Schema(nullable = true) String hint) {
        static BundleProblemDto of(Problem p) {
            return new BundleProblemDto(p.path(), p.line(), p.message(), p.hint());
        }
    }

    @Schema(name = "ScenarioCounts")
    record Scenarios(long passed, long failed) {
    }

    @Schema(name = "Validation")
    record Validation(boolean ok, List<BundleProblemDto> errors, Scenarios scenarios) {
        static Validation of(Views.ValidationReport report) {
            return new Validation(report.ok(), report.errors().stream().map(BundleProblemDto::of).toList(),
                    new Scenarios(report.scenariosPassed(), report.scenariosFailed()));
        }
    }

    @Schema(name = "Published")
    record Published(int release, String hash, @Schema(nullable = true) String message) {
        static Published of(Views.ReleaseView r) {
            return new Published(r.number(), r.hash(), r.message());
        }
    }

    @Schema(name = "Release")
    record ReleaseDto(int number, String hash, @Schema(nullable = true) String author, @Schema(nullable = true) String message, Instant createdAt,
                      @Schema(allowableValues = {"IMPORT", "PUBLISH", "ROLLBACK"}) String kind,
                      @Schema(nullable = true, description = "the change published, or the release rolled back to") Integer source, int documents,
                      boolean current) {
        static ReleaseDto of(Views.ReleaseView r) {
            return new ReleaseDto(r.number(), r.hash(), r.author(), r.message(), r.createdAt(), r.kind(), r.source(), r.documents(), r.current());
        }
    }

    @Schema(name = "ReleaseDetail")
    record ReleaseDetail(ReleaseDto release, @Schema(description = "Each document's path and its revision in this release.") Map<String, Long> documents) {
    }

    @Schema(name = "DocumentDiff")
    record DocumentDiffDto(String path, @Schema(allowableValues = {"ADDED", "REMOVED", "MODIFIED"}) String status,
                           @Schema(description = "A unified diff.") String diff) {
        static DocumentDiffDto of(Views.DocumentDiff d) {
            return new DocumentDiffDto(d.path(), d.status(), d.diff());
        }
    }

    @Schema(name = "ImportReport")
    record ImportReportDto(int added, int modified, int deleted, int unchanged) {
        static ImportReportDto of(Views.ImportReport r) {
            return new ImportReportDto(r.added(), r.modified(), r.deleted(), r.unchanged());
        }
    }

    @Schema(name = "AuditEntry")
    record AuditEntryDto(long id, Instant at, String actor, String action, @Schema(nullable = true) String target, @Schema(nullable = true) String detail) {
        static AuditEntryDto of(Views.AuditEntry a) {
            return new AuditEntryDto(a.id(), a.at(), a.actor(), a.action(), a.target(), a.detail());
        }
    }
}
