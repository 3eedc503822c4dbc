package dev.pauta.api;

import dev.pauta.authoring.PolicyTableForms;
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

    @Schema(name = "Approval")
    @FixHint("send comment: up to 2,000 characters, or no body")
    record Approve(@Size(max = 2000) String comment) {
    }

    @Schema(name = "ChangesRequest")
    @FixHint("send comment: what to change, 1 to 2,000 characters that are not all spaces")
    record RequestChanges(@Schema(example = "The GOLD row of 5 to 9 days should say 20, as agreed with finance") @NotNull @Size(min = 1, max = 2000)
                          @Pattern(regexp = Formats.NOT_BLANK) String comment) {
    }

    @Schema(name = "ReviewEvent", description = "One step of a change's review.")
    record ReviewEventDto(@Schema(allowableValues = {"REQUESTED", "APPROVED", "CHANGES_REQUESTED", "REOPENED"},
            description = "REOPENED: an edit after a review request or an approval sent the change back to OPEN") String kind,
                          String actor, Instant at, @Schema(nullable = true) String comment) {
        static ReviewEventDto of(Views.ReviewEvent e) {
            return new ReviewEventDto(e.kind(), e.actor(), e.at(), e.comment());
        }
    }

    @Schema(name = "Change")
    record ChangeDto(long id, String title, @Schema(allowableValues = {"OPEN", "PUBLISHED"}) String status,
                     @Schema(allowableValues = {"OPEN", "IN_REVIEW", "APPROVED", "CHANGES_REQUESTED", "PUBLISHED", "CLOSED"},
                             description = "Where the change's review stands; an edit after a review request or an approval makes it OPEN again") String reviewState,
                     int baseRelease, String author,
                     @Schema(description = "Who counts as an author under four-eyes review: the change's author, then everyone who saved a document in it")
                     List<String> authors,
                     Instant createdAt, Instant updatedAt, @Schema(nullable = true) Integer publishedRelease, List<EditedDocumentDto> documents,
                     @Schema(description = "The review's events, oldest first") List<ReviewEventDto> reviews) {
        static ChangeDto of(Views.ChangeView c) {
            return new ChangeDto(c.id(), c.title(), c.status(), c.reviewState(), c.baseRelease(), c.author(), c.authors(), c.createdAt(), c.updatedAt(),
                    c.publishedRelease(), c.documents().stream().map(d -> new EditedDocumentDto(d.path(), d.revision(), d.deleted())).toList(),
                    c.reviews().stream().map(ReviewEventDto::of).toList());
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
    record ReleaseDto(int number, String hash,
                      @Schema(nullable = true, description = "who authored its content: the change's author for a publish, whoever rolled back for a rollback")
                      String author,
                      @Schema(nullable = true, description = "the publisher who approved the change; null when nobody did") String reviewer,
                      @Schema(description = "who published it") String publisher,
                      @Schema(nullable = true) String message, Instant createdAt,
                      @Schema(allowableValues = {"IMPORT", "PUBLISH", "ROLLBACK"}) String kind,
                      @Schema(nullable = true, description = "the change published, or the release rolled back to") Integer source, int documents,
                      boolean current) {
        static ReleaseDto of(Views.ReleaseView r) {
            return new ReleaseDto(r.number(), r.hash(), r.author(), r.reviewer(), r.publisher(), r.message(), r.createdAt(), r.kind(), r.source(),
                    r.documents(), r.current());
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

    @Schema(name = "TableColumn", description = "A column of a policy table form.")
    record TableColumnDto(@Schema(description = "the key rules read the column by, the `key` in its header", example = "percent") String key,
                          @Schema(description = "the header's words", example = "Coupon (%)") String label,
                          @Schema(allowableValues = {"NUMBER", "CODE", "LIST", "TEXT"}) String kind,
                          @Schema(description = "a save writes this column into the same table of the other locales too") boolean shared,
                          @Schema(description = "the codes a CODE cell or a LIST item may hold; empty when any well-formed value may stand") List<String> choices,
                          @Schema(description = "its cells (or items) are phrases: word* for any ending, a/b for either word") boolean phrase) {
        static TableColumnDto of(PolicyTableForms.Column c) {
            return new TableColumnDto(c.key(), c.label(), c.kind().name(), c.shared(), c.choices(), c.phrase());
        }
    }

    @Schema(name = "TableRow", description = "A row of a policy table form.")
    record TableRowDto(@Schema(description = "its position in the table as read; send it back as the row's '_row' cell so a moved row keeps its translations")
                       int index, @Schema(description = "each column's cell by key, in column order") Map<String, String> cells) {
        static TableRowDto of(PolicyTableForms.Row r) {
            return new TableRowDto(r.index(), r.cells());
        }
    }

    @Schema(name = "TableCounterpart", description = "The same table in the same section of another locale.")
    record TableCounterpartDto(@Schema(example = "manual/en/delay-compensation.md") String path, String locale, long revision) {
    }

    @Schema(name = "TableForm", description = "A policy table of a document in a change, as a form.")
    record TableFormDto(long changeId, @Schema(example = "manual/es/delay-compensation.md") String path, @Schema(example = "delay-coupons") String table,
                        String locale, @Schema(description = "the document's revision in the change: the baseRevision to save with") long revision,
                        @Schema(description = "the 1-based line of the table's header in the document") int line, List<TableColumnDto> columns,
                        List<TableRowDto> rows,
                        @Schema(description = "the same table in the other locales, kept equal in the shared columns") List<TableCounterpartDto> counterparts,
                        @Schema(description = "the keys of the shared columns") List<String> shared) {
        static TableFormDto of(PolicyTableForms.TableForm f) {
            return new TableFormDto(f.changeId(), f.path(), f.table(), f.locale(), f.revision(), f.line(), f.columns().stream().map(TableColumnDto::of).toList(),
                    f.rows().stream().map(TableRowDto::of).toList(),
                    f.counterparts().stream().map(c -> new TableCounterpartDto(c.path(), c.locale(), c.revision())).toList(), f.shared());
        }
    }

    @Schema(name = "SaveTable")
    @FixHint("send rows (each an object of every column key to its cell, text; optionally '_row', the row's index as read) and baseRevision "
            + "(the form's revision)")
    record SaveTable(@NotNull @Size(max = 1000) List<Map<String, String>> rows, @NotNull @Min(0) Long baseRevision) {
    }

    @Schema(name = "SavedDocument")
    record SavedDocumentDto(String path, long revision) {
    }

    @Schema(name = "SavedTable", description = "The documents a table save wrote a revision of, and the form as it now reads.")
    record SavedTableDto(TableFormDto form, List<SavedDocumentDto> documents) {
        static SavedTableDto of(PolicyTableForms.Saved s) {
            return new SavedTableDto(TableFormDto.of(s.form()), s.documents().stream().map(d -> new SavedDocumentDto(d.path(), d.revision())).toList());
        }
    }

    @Schema(name = "CellCheck")
    @FixHint("send path, table, column and value (the cell as typed; \"\" when empty)")
    record CheckCell(@NotNull @Size(max = 300) String path, @NotNull @Size(max = 100) String table, @NotNull @Size(max = 100) String column,
                     @Schema(example = "veinte") @NotNull @Size(max = 10000) String value) {
    }

    @Schema(name = "CellProblem")
    record CellProblemDto(String column, String value, String message, String hint) {
        static CellProblemDto of(PolicyTableForms.CellProblem p) {
            return new CellProblemDto(p.column(), p.value(), p.message(), p.hint());
        }
    }

    @Schema(name = "CellCheckResult")
    record CellCheckResult(boolean ok, List<CellProblemDto> problems) {
    }
}
