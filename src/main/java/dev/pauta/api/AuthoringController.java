package dev.pauta.api;

import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.PolicyTableForms;
import dev.pauta.authoring.Views;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Policy owners' v1 API: changes, documents, policy tables as forms, review, validation, publishing, releases, diffs, export and import. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthoringController {

    private static final String DOCUMENT_PATH = "A document's path in the bundle, such as manual/en/faq.md or rules/compensation.drl.";
    private static final String SECTION_PATH = "A manual section's path in the bundle, such as manual/es/delay-compensation.md.";
    private static final String TABLE_NAME = "The table's name, as its <!-- table: name --> marker writes it, such as delay-coupons.";

    private final Authoring authoring;
    private final PolicyTableForms tables;

    AuthoringController(Authoring authoring, PolicyTableForms tables) {
        this.authoring = authoring;
        this.tables = tables;
    }

    static String actor(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }

    @Operation(operationId = "createChange", summary = "Start a change from the current release",
            description = "A change holds edits to any number of documents and is validated and published on its own, like a pull request.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthoringDtos.ChangeDto> createChange(@Valid @RequestBody AuthoringDtos.CreateChange request, Principal principal) {
        Views.ChangeView change = authoring.createChange(request.title(), actor(principal));
        return ResponseEntity.created(URI.create("/api/v1/changes/" + change.id())).body(AuthoringDtos.ChangeDto.of(change));
    }

    @Operation(operationId = "listChanges", summary = "List changes", description = "Every change, open or published, with the documents it edits.")
    @GetMapping("/changes")
    List<AuthoringDtos.ChangeDto> changes() {
        return authoring.changes().stream().map(AuthoringDtos.ChangeDto::of).toList();
    }

    @Operation(operationId = "getChange", summary = "Read a change", description = "Title, status, base release and the documents it edits.")
    @GetMapping("/changes/{id}")
    AuthoringDtos.ChangeDto change(@PathVariable("id") long id) {
        return AuthoringDtos.ChangeDto.of(authoring.change(id));
    }

    @Operation(operationId = "putDocument", summary = "Save a document in a change",
            description = "Replaces the whole document; baseRevision is the revision edited, and a stale one is a 409 stale_revision carrying the current content.")
    @PutMapping(path = "/changes/{id}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.DocumentDto putDocument(@PathVariable("id") long id, @Parameter(description = DOCUMENT_PATH) @RequestParam("path") String path,
                                          @Valid @RequestBody AuthoringDtos.PutDocument request, Principal principal) {
        return AuthoringDtos.DocumentDto.of(authoring.putDocument(id, path, request.content(), request.baseRevision(), actor(principal)));
    }

    @Operation(operationId = "deleteDocument", summary = "Remove a document in a change",
            description = "The document is removed when the change is published; baseRevision works as in putDocument.")
    @DeleteMapping("/changes/{id}/documents")
    AuthoringDtos.DocumentDto deleteDocument(@PathVariable("id") long id, @Parameter(description = DOCUMENT_PATH) @RequestParam("path") String path,
                                             @RequestParam("baseRevision") @Min(0) long baseRevision, Principal principal) {
        return AuthoringDtos.DocumentDto.of(authoring.deleteDocument(id, path, baseRevision, actor(principal)));
    }

    @Operation(operationId = "validateChange", summary = "Validate a change",
            description = "Compiles the change's bundle and runs every scenario, reporting problems by path and line with a hint.")
    @PostMapping("/changes/{id}/validate")
    AuthoringDtos.Validation validate(@PathVariable("id") long id) {
        return AuthoringDtos.Validation.of(authoring.validate(id));
    }

    @Operation(operationId = "publishChange", summary = "Publish a change as the next release",
            description = "A change that does not validate is a 422 invalid_bundle; one whose documents were touched by a release published "
                    + "since its base is a 409 release_conflict naming the paths. With four-eyes review on (pauta.authoring.four-eyes, the default) "
                    + "the change must be APPROVED (409 not_approved) and the publisher must not have authored it (403 four_eyes). The release "
                    + "records the change's author, the publisher who approved it and who published it.")
    @PostMapping(path = "/changes/{id}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.Published publish(@PathVariable("id") long id, @Valid @RequestBody(required = false) AuthoringDtos.Publish request, Principal principal) {
        return AuthoringDtos.Published.of(authoring.publish(id, request == null ? null : request.message(), actor(principal)));
    }

    @Operation(operationId = "requestReview", summary = "Ask for a change's review",
            description = "An editor asks a publisher to review the change as it now stands: OPEN or CHANGES_REQUESTED becomes IN_REVIEW. Any later "
                    + "edit makes it OPEN again. A change that is already in review or approved, or edits no document, is a 409 wrong_state.")
    @PostMapping("/changes/{id}/review-request")
    AuthoringDtos.ChangeDto requestReview(@PathVariable("id") long id, Principal principal) {
        return AuthoringDtos.ChangeDto.of(authoring.requestReview(id, actor(principal)));
    }

    @Operation(operationId = "approveChange", summary = "Approve a change in review",
            description = "A publisher approves the change's content as it now stands, with an optional comment: IN_REVIEW becomes APPROVED. With "
                    + "four-eyes review on (pauta.authoring.four-eyes, the default) nobody approves a change they authored (403 four_eyes); a change "
                    + "not IN_REVIEW is a 409 wrong_state.")
    @PostMapping(path = "/changes/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.ChangeDto approve(@PathVariable("id") long id, @Valid @RequestBody(required = false) AuthoringDtos.Approve request, Principal principal) {
        return AuthoringDtos.ChangeDto.of(authoring.approve(id, actor(principal), request == null ? null : request.comment()));
    }

    @Operation(operationId = "requestChanges", summary = "Ask for changes to a change in review",
            description = "A publisher says what to change (the comment is required): IN_REVIEW or APPROVED becomes CHANGES_REQUESTED, until an editor "
                    + "asks for review again. Any other state is a 409 wrong_state.")
    @PostMapping(path = "/changes/{id}/request-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.ChangeDto requestChanges(@PathVariable("id") long id, @Valid @RequestBody AuthoringDtos.RequestChanges request, Principal principal) {
        return AuthoringDtos.ChangeDto.of(authoring.requestChanges(id, actor(principal), request.comment()));
    }

    @Operation(operationId = "rebaseChange", summary = "Move a change onto the current release",
            description = "The change's base becomes the current release, so first edits of other documents start from their current content; "
                    + "refused with a 409 release_conflict naming them when a release published since its base changed documents the change edits. "
                    + "The review state stays.")
    @PostMapping("/changes/{id}/rebase")
    AuthoringDtos.ChangeDto rebase(@PathVariable("id") long id, Principal principal) {
        return AuthoringDtos.ChangeDto.of(authoring.rebase(id, actor(principal)));
    }

    @Operation(operationId = "getTable", summary = "Read a policy table of a change as a form",
            description = "The table's columns (key, header label, kind, whether they are shared with the other locales, the codes they take) and "
                    + "rows, in the document as the change holds it, and the same table in the other locales' copy of the section.")
    @GetMapping("/changes/{id}/tables")
    AuthoringDtos.TableFormDto table(@PathVariable("id") long id, @Parameter(description = SECTION_PATH) @RequestParam("path") String path,
                                     @Parameter(description = TABLE_NAME) @RequestParam("table") String table) {
        return AuthoringDtos.TableFormDto.of(tables.read(id, path, table));
    }

    @Operation(operationId = "saveTable", summary = "Save a policy table of a change",
            description = "Writes only the table's Markdown anew (the same header and alignment rows, one line per row), every other byte of the "
                    + "document as it was; the shared columns are written into the same table of the other locales too, row for row, in the same "
                    + "save. Each row sends every column's cell, and may send '_row', its index in the form as read, so a moved row keeps its "
                    + "translations. baseRevision is the form's revision: a stale one is a 409 stale_revision and nothing is saved.")
    @PutMapping(path = "/changes/{id}/tables", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.SavedTableDto saveTable(@PathVariable("id") long id, @Parameter(description = SECTION_PATH) @RequestParam("path") String path,
                                          @Parameter(description = TABLE_NAME) @RequestParam("table") String table,
                                          @Valid @RequestBody AuthoringDtos.SaveTable request, Principal principal) {
        return AuthoringDtos.SavedTableDto.of(tables.save(id, path, table, request.rows(), request.baseRevision(), actor(principal)));
    }

    @Operation(operationId = "checkCell", summary = "Check a policy table cell as typed",
            description = "The problems of one value in one column of a table of the change: not a number, not one of the codes the column takes, "
                    + "a phrase the manual's phrase syntax cannot read, a '|' or line break. An empty list means the value can stand.")
    @PostMapping(path = "/changes/{id}/tables/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.CellCheckResult checkCell(@PathVariable("id") long id, @Valid @RequestBody AuthoringDtos.CheckCell request) {
        List<AuthoringDtos.CellProblemDto> problems = tables.check(id, request.path(), request.table(), request.column(), request.value()).stream()
                .map(AuthoringDtos.CellProblemDto::of).toList();
        return new AuthoringDtos.CellCheckResult(problems.isEmpty(), problems);
    }

    @Operation(operationId = "importChange", summary = "Replace a change's documents with a zipped bundle",
            description = "The zip holds the repository layout (manual/, rules/), as exportRelease writes it; at most 16 MB. Documents missing "
                    + "from the zip are deleted in the change.")
    @PostMapping(path = "/changes/{id}/import", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    AuthoringDtos.ImportReportDto importZip(@PathVariable("id") long id,
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                                                    @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                                                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))})
                                            @RequestBody byte[] zip, Principal principal) {
        return AuthoringDtos.ImportReportDto.of(authoring.importArchive(id, zip, actor(principal)));
    }

    @Operation(hidden = true)
    @PostMapping(path = "/changes/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AuthoringDtos.ImportReportDto importUpload(@PathVariable("id") long id, @RequestParam("file") MultipartFile file, Principal principal) throws IOException {
        return AuthoringDtos.ImportReportDto.of(authoring.importArchive(id, file.getBytes(), actor(principal)));
    }

    @Operation(operationId = "getDocument", summary = "Read a document", description = "Its content and revision in the current release, or in the release named.")
    @GetMapping("/documents")
    AuthoringDtos.DocumentDto document(@Parameter(description = DOCUMENT_PATH) @RequestParam("path") String path,
                                       @RequestParam(name = "release", required = false) @Min(1) Integer release) {
        return AuthoringDtos.DocumentDto.of(authoring.document(path, release));
    }

    @Operation(operationId = "getDocumentHistory", summary = "List a document's revisions", description = "Who saved each revision, when, and in which change.")
    @GetMapping("/documents/history")
    List<AuthoringDtos.RevisionDto> history(@Parameter(description = DOCUMENT_PATH) @RequestParam("path") String path) {
        return authoring.history(path).stream().map(AuthoringDtos.RevisionDto::of).toList();
    }

    @Operation(operationId = "listReleases", summary = "List releases", description = "Every release, newest first, and which one is served.")
    @GetMapping("/releases")
    List<AuthoringDtos.ReleaseDto> releases() {
        return authoring.releases().stream().map(AuthoringDtos.ReleaseDto::of).toList();
    }

    @Operation(operationId = "getRelease", summary = "Read a release", description = "The release and the revision of each of its documents.")
    @GetMapping("/releases/{n}")
    AuthoringDtos.ReleaseDetail release(@PathVariable("n") int number) {
        return new AuthoringDtos.ReleaseDetail(AuthoringDtos.ReleaseDto.of(authoring.release(number)), authoring.releaseRevisions(number));
    }

    @Operation(operationId = "rollbackRelease", summary = "Publish an old release's content again",
            description = "History is never rewritten: the content of release n is published as a new release.")
    @PostMapping("/releases/{n}/rollback")
    AuthoringDtos.Published rollback(@PathVariable("n") int number, Principal principal) {
        return AuthoringDtos.Published.of(authoring.rollback(number, actor(principal)));
    }

    @Operation(operationId = "diffReleases", summary = "Compare two releases", description = "A unified diff per document that differs.")
    @GetMapping("/releases/{a}/diff/{b}")
    List<AuthoringDtos.DocumentDiffDto> diff(@PathVariable("a") int from, @PathVariable("b") int to) {
        return authoring.diff(from, to).stream().map(AuthoringDtos.DocumentDiffDto::of).toList();
    }

    @Operation(operationId = "exportRelease", summary = "Download a release as a zip", description = "The release's documents in the repository layout.",
            responses = @ApiResponse(responseCode = "200", description = "The zipped release.",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/releases/{n}/export", produces = "application/zip")
    ResponseEntity<byte[]> export(@PathVariable("n") int number) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pauta-release-" + number + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(authoring.export(number));
    }

    @Operation(operationId = "listAudit", summary = "Read the audit trail", description = "The latest entries: who did what to which change, release or account.")
    @GetMapping("/audit")
    List<AuthoringDtos.AuditEntryDto> audit(@RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(500) int limit) {
        return authoring.audit(limit).stream().map(AuthoringDtos.AuditEntryDto::of).toList();
    }
}
