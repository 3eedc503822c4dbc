package dev.pauta.api;

import dev.pauta.authoring.Authoring;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Decision records: read back by id or by time, feedback per action, the chain check, and a change's impact. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionsController {

    record FeedbackRequest(@NotBlank @Size(max = 60) String action, @NotBlank @Pattern(regexp = "ACCEPTED|REJECTED") String outcome, Boolean helpful,
                           @Size(max = 2000) String comment) {
    }

    record ImpactRequest(Instant from, Instant to, @Min(1) @Max(100_000) Integer sample) {
    }

    private final Decisions decisions;
    private final Authoring authoring;
    private final SnapshotCompiler compiler;

    DecisionsController(Decisions decisions, Authoring authoring, SnapshotCompiler compiler) {
        this.decisions = decisions;
        this.authoring = authoring;
        this.compiler = compiler;
    }

    @GetMapping("/decisions/{id}")
    Decisions.Logged decision(@PathVariable("id") String id) {
        return decisions.find(id);
    }

    @GetMapping("/decisions")
    Decisions.Page list(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                        @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                        @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                        @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(500) int size) {
        return decisions.list(from, to, page, size);
    }

    @GetMapping("/decisions/verify")
    Decisions.ChainCheck verify() {
        return decisions.verifyChain();
    }

    @PostMapping(path = "/decisions/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    Decisions.FeedbackResult feedback(@PathVariable("id") String id, @Valid @RequestBody FeedbackRequest request, Principal principal) {
        return decisions.feedback(id, request.action(), request.outcome(), request.helpful(), request.comment(), AuthoringController.actor(principal));
    }

    @PostMapping("/changes/{id}/impact")
    Decisions.Impact impact(@PathVariable("id") long id, @Valid @RequestBody(required = false) ImpactRequest request) {
        Bundle draft = authoring.changeBundle(id);
        var snapshot = compiler.compile(draft, new Release(0, draft.hash(), Instant.now(), null, "impact of change " + id));
        ImpactRequest r = request == null ? new ImpactRequest(null, null, null) : request;
        return decisions.impact(snapshot, r.from(), r.to(), r.sample() == null ? 1000 : r.sample());
    }
}
