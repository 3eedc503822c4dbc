package dev.pauta.api;

import dev.pauta.authoring.Authoring;
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

/** Policy owners' v1 API: changes, documents, validation, publishing, releases, diffs, export and import. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthoringController {

    private static final String DOCUMENT_PATH = "A document's path in the bundle, such as manual/en/faq.md or rules/compensation.drl.";

    private final Authoring authoring;

    AuthoringController(Authoring authoring) {
        this.authoring = authoring;
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
                    + "since its base is a 409 release_conflict naming the paths.")
    @PostMapping(path = "/changes/{id}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthoringDtos.Published publish(@PathVariable("id") long id, @Valid @RequestBody(required = false) AuthoringDtos.Publish request, Principal principal) {
        return AuthoringDtos.Published.of(authoring.publish(id, request == null ? null : request.message(), actor(principal)));
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
