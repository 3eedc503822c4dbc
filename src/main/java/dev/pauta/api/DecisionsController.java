package dev.pauta.api;

import dev.pauta.decisions.Decisions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    private final Decisions decisions;

    DecisionsController(Decisions decisions) {
        this.decisions = decisions;
    }

    @Operation(operationId = "getDecision", summary = "Read a logged decision back",
            description = "The situation as logged (fields masked as configured) and the decision, in the schemas of the guidance request and "
                    + "response, the schema version they were stored under, and the feedback received.")
    @GetMapping("/decisions/{id}")
    DecisionDtos.DecisionRecordDto decision(@Parameter(description = "The decisionId a guidance answer returned.") @PathVariable("id") @Size(max = 64) String id) {
        return StoredDecisions.of(decisions.find(id), decisions.outcomeHistory(id));
    }

    @Operation(operationId = "listDecisions", summary = "List logged decisions, newest first",
            description = "One page of the decision log within an optional time window.")
    @GetMapping("/decisions")
    DecisionDtos.DecisionPageDto list(
            @Parameter(description = "Decisions logged at or after this instant (ISO-8601).") @RequestParam(name = "from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "Decisions logged before this instant (ISO-8601).") @RequestParam(name = "to", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(500) int size) {
        Decisions.Page p = decisions.list(from, to, page, size);
        return new DecisionDtos.DecisionPageDto(p.total(), p.page(), p.size(), p.items().stream().map(l -> StoredDecisions.of(l, decisions.outcomeHistory(l.decisionId()))).toList());
    }

    @Operation(operationId = "verifyDecisionLog", summary = "Check the hash chain of the decision log",
            description = "Walks the whole log and reports every record whose content or link does not match the chain.")
    @GetMapping("/decisions/verify")
    DecisionDtos.ChainCheckDto verify() {
        return DecisionDtos.ChainCheckDto.of(decisions.verifyChain());
    }

    @Operation(operationId = "sendFeedback", summary = "Report what happened to one action of a decision",
            description = "An accepted OFFER enters the customer's compensation ledger once, however often the same feedback is sent; past the "
                    + "manual's cap it is a 409 compensation_cap_reached and nothing is recorded. A REJECTED outcome may say why with a reason "
                    + "from the manual's rejection-reasons table; a reason with any other outcome is a 422 reason_not_allowed.")
    @PostMapping(path = "/decisions/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionDtos.FeedbackResultDto feedback(@Parameter(description = "The decisionId a guidance answer returned.") @PathVariable("id") @Size(max = 64) String id,
                                            @Valid @RequestBody DecisionDtos.FeedbackRequest request, Principal principal) {
        return DecisionDtos.FeedbackResultDto.of(decisions.feedback(id, request.action(), request.outcome(), request.reason(), request.helpful(), request.comment(),
                AuthoringController.actor(principal)));
    }

    @Operation(operationId = "reportOutcome", summary = "Report what happened after a decision",
            description = "Stores the outcome other systems saw: resolved, resolved at first contact, the customer's score, contacts about the "
                    + "issue and handle time, all optional but at least one. A later report replaces the outcome and every report is kept in the "
                    + "decision's history; sending the current outcome again records nothing. The outcomes feed the insights per rule and release.")
    @PostMapping(path = "/decisions/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionDtos.OutcomeDto outcome(@Parameter(description = "The decisionId a guidance answer returned.") @PathVariable("id") @Size(max = 64) String id,
                                    @Valid @RequestBody DecisionDtos.OutcomeRequest request, Principal principal) {
        return DecisionDtos.OutcomeDto.of(decisions.reportOutcome(id, request.report(), AuthoringController.actor(principal)));
    }

    @Operation(operationId = "estimateImpact", summary = "Replay logged decisions against a change",
            description = "Replays logged situations on the current release and on the change's draft, with the same ledger, and reports which "
                    + "action codes appear or disappear, with examples.")
    @PostMapping(path = "/changes/{id}/impact", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionDtos.ImpactDto impact(@PathVariable("id") long id, @Valid @RequestBody(required = false) DecisionDtos.ImpactRequest request) {
        DecisionDtos.ImpactRequest r = request == null ? new DecisionDtos.ImpactRequest(null, null, null) : request;
        return DecisionDtos.ImpactDto.of(decisions.impact(id, r.from(), r.to(), r.sample()));
    }
}
