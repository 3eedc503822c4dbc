package dev.pauta.api;

import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.Views;
import dev.pauta.manual.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Policy owners' v1 API: changes, documents, validation, publishing, releases, diffs, export and import. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthoringController {

    record CreateChange(@NotBlank @Size(max = 300) String title) {
    }

    record PutDocument(@NotNull String content, @NotNull @Min(0) Long baseRevision) {
    }

    record Publish(@Size(max = 2000) String message) {
    }

    record Scenarios(long passed, long failed) {
    }

    record Validation(boolean ok, List<Problem> errors, Scenarios scenarios) {
        static Validation of(Views.ValidationReport report) {
            return new Validation(report.ok(), report.errors(), new Scenarios(report.scenariosPassed(), report.scenariosFailed()));
        }
    }

    record Published(int release, String hash, String message) {
    }

    private final Authoring authoring;

    AuthoringController(Authoring authoring) {
        this.authoring = authoring;
    }

    static String actor(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }

    @PostMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.ChangeView> createChange(@Valid @RequestBody CreateChange request, Principal principal) {
        Views.ChangeView change = authoring.createChange(request.title(), actor(principal));
        return ResponseEntity.created(URI.create("/api/v1/changes/" + change.id())).body(change);
    }

    @GetMapping("/changes")
    List<Views.ChangeView> changes() {
        return authoring.changes();
    }

    @GetMapping("/changes/{id}")
    Views.ChangeView change(@PathVariable("id") long id) {
        return authoring.change(id);
    }

    @PutMapping(path = "/changes/{id}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    Views.DocumentView putDocument(@PathVariable("id") long id, @RequestParam("path") String path, @Valid @RequestBody PutDocument request,
                                   Principal principal) {
        return authoring.putDocument(id, path, request.content(), request.baseRevision(), actor(principal));
    }

    @DeleteMapping("/changes/{id}/documents")
    Views.DocumentView deleteDocument(@PathVariable("id") long id, @RequestParam("path") String path,
                                      @RequestParam("baseRevision") @Min(0) long baseRevision, Principal principal) {
        return authoring.deleteDocument(id, path, baseRevision, actor(principal));
    }

    @PostMapping("/changes/{id}/validate")
    Validation validate(@PathVariable("id") long id) {
        return Validation.of(authoring.validate(id));
    }

    @PostMapping("/changes/{id}/publish")
    Published publish(@PathVariable("id") long id, @Valid @RequestBody(required = false) Publish request, Principal principal) {
        Views.ReleaseView release = authoring.publish(id, request == null ? null : request.message(), actor(principal));
        return new Published(release.number(), release.hash(), release.message());
    }

    @PostMapping(path = "/changes/{id}/import", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Views.ImportReport importZip(@PathVariable("id") long id, @RequestBody byte[] zip, Principal principal) {
        return authoring.importArchive(id, zip, actor(principal));
    }

    @PostMapping(path = "/changes/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Views.ImportReport importUpload(@PathVariable("id") long id, @RequestParam("file") MultipartFile file, Principal principal) throws IOException {
        return authoring.importArchive(id, file.getBytes(), actor(principal));
    }

    @GetMapping("/documents")
    Views.DocumentView document(@RequestParam("path") String path, @RequestParam(name = "release", required = false) Integer release) {
        return authoring.document(path, release);
    }

    @GetMapping("/documents/history")
    List<Views.RevisionView> history(@RequestParam("path") String path) {
        return authoring.history(path);
    }

    @GetMapping("/releases")
    List<Views.ReleaseView> releases() {
        return authoring.releases();
    }

    @GetMapping("/releases/{n}")
    Map<String, Object> release(@PathVariable("n") int number) {
        return Map.of("release", authoring.release(number), "documents", authoring.releaseRevisions(number));
    }

    @PostMapping("/releases/{n}/rollback")
    Published rollback(@PathVariable("n") int number, Principal principal) {
        Views.ReleaseView release = authoring.rollback(number, actor(principal));
        return new Published(release.number(), release.hash(), release.message());
    }

    @GetMapping("/releases/{a}/diff/{b}")
    List<Views.DocumentDiff> diff(@PathVariable("a") int from, @PathVariable("b") int to) {
        return authoring.diff(from, to);
    }

    @GetMapping(path = "/releases/{n}/export", produces = "application/zip")
    ResponseEntity<byte[]> export(@PathVariable("n") int number) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pauta-release-" + number + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(authoring.export(number));
    }

    @GetMapping("/audit")
    List<Views.AuditEntry> audit(@RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(500) int limit) {
        return authoring.audit(limit);
    }
}
