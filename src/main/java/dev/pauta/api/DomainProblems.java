package dev.pauta.api;

import dev.pauta.authoring.AuthoringException;
import dev.pauta.decisions.CapReachedException;
import dev.pauta.decisions.DecisionLogUnavailableException;
import dev.pauta.decisions.DecisionTooLargeException;
import dev.pauta.decisions.Decisions;
import dev.pauta.decisions.LedgerBusyException;
import dev.pauta.guidance.SectionNotFoundException;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.insights.Insights;
import dev.pauta.insights.Suggestions;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.rules.RuleFailure;
import dev.pauta.security.Accounts;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what the modules refuse (unknown codes, stale revisions, invalid bundles, caps, an unavailable log, failing rules,
 * accounts) to problem+json with a stable code and a hint, and anything unexpected to a 500 that leaks nothing. Ordered
 * after {@link ApiExceptionHandler}, so its catch-all sees only what no specific handler took.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DomainProblems {

    private static final Logger log = LoggerFactory.getLogger(DomainProblems.class);

    @ExceptionHandler(UnknownCodeException.class)
    ProblemDetail unknownCode(UnknownCodeException e) {
        ProblemDetail problem = ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "unknown_code",
                "'" + e.value() + "' is not a " + e.field() + " the current release defines.",
                "use one of the codes listed in 'known'", List.of(new ApiProblem.FieldError(e.field(), "unknown code '" + e.value() + "'")));
        return ApiProblem.with(problem, Map.of("field", e.field(), "known", new TreeSet<>(e.known())));
    }

    @ExceptionHandler(SectionNotFoundException.class)
    ProblemDetail sectionNotFound(SectionNotFoundException e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.NOT_FOUND, "section_not_found", "There is no section '" + e.id + "' in locale '" + e.locale + "'.",
                "use one of the section ids listed in 'known'"), Map.of("known", e.known));
    }

    @ExceptionHandler(AuthoringException.NotFound.class)
    ProblemDetail authoringNotFound(AuthoringException.NotFound e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", capitalise(e.getMessage()) + ".", "check the id, the release number or the document path");
    }

    @ExceptionHandler(AuthoringException.StaleRevision.class)
    ProblemDetail stale(AuthoringException.StaleRevision e) {
        ProblemDetail problem = ApiProblem.of(HttpStatus.CONFLICT, "stale_revision", capitalise(e.getMessage()) + "; nothing was saved.",
                "merge your edit into the current content and send it again with baseRevision " + e.currentRevision());
        Map<String, Object> current = new java.util.LinkedHashMap<>();
        current.put("path", e.path());
        current.put("revision", e.currentRevision());
        current.put("content", e.currentContent());
        return ApiProblem.with(problem, Map.of("current", current));
    }

    @ExceptionHandler(AuthoringException.Conflict.class)
    ProblemDetail conflict(AuthoringException.Conflict e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.CONFLICT, "release_conflict", capitalise(e.getMessage()) + ".",
                        "the listed paths changed both here and in a newer release, so the change cannot be rebased either: start a new change from the "
                                + "current release and redo the edits to them"),
                Map.of("paths", e.paths(), "baseRelease", e.baseRelease(), "currentRelease", e.currentRelease()));
    }

    @ExceptionHandler(AuthoringException.WrongState.class)
    ProblemDetail wrongState(AuthoringException.WrongState e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.CONFLICT, "wrong_state", capitalise(e.getMessage()) + "; nothing was changed.", e.hint()),
                Map.of("reviewState", e.state()));
    }

    @ExceptionHandler(AuthoringException.NotApproved.class)
    ProblemDetail notApproved(AuthoringException.NotApproved e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.CONFLICT, "not_approved", capitalise(e.getMessage()) + "; nothing was published.",
                e.state().equals("IN_REVIEW") ? "a publisher who did not author the change approves it (POST /api/v1/changes/" + e.changeId()
                        + "/approve), then it can be published"
                        : "an editor asks for review (POST /api/v1/changes/" + e.changeId() + "/review-request), a publisher who did not author the change "
                        + "approves it (POST /api/v1/changes/" + e.changeId() + "/approve), then it can be published"), Map.of("reviewState", e.state()));
    }

    @ExceptionHandler(AuthoringException.FourEyes.class)
    ProblemDetail fourEyes(AuthoringException.FourEyes e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.FORBIDDEN, "four_eyes", capitalise(e.getMessage()) + "; nothing was changed.",
                "ask a publisher who is not listed in 'authors' to do it"), Map.of("authors", e.authors()));
    }

    @ExceptionHandler(AuthoringException.Closed.class)
    ProblemDetail closed(AuthoringException.Closed e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "change_closed", capitalise(e.getMessage()) + ".", "create a new change");
    }

    @ExceptionHandler(AuthoringException.BadInput.class)
    ProblemDetail badInput(AuthoringException.BadInput e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", capitalise(e.getMessage()) + ".", "fix '" + e.field() + "': " + e.getMessage(),
                List.of(new ApiProblem.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidBundleException.class)
    ProblemDetail invalidBundle(InvalidBundleException e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_bundle",
                "The change does not validate: " + e.problems().size() + " problem(s); the current release keeps serving.",
                "fix the documents listed in 'errors' (path, line, message, hint) and publish again"),
                Map.of("errors", e.problems().stream().map(AuthoringDtos.BundleProblemDto::of).toList()));
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @ExceptionHandler(DecisionLogUnavailableException.class)
    ProblemDetail logUnavailable(DecisionLogUnavailableException e) {
        // The message is the log's own sentence; the database's error, if any, is in the cause and stays in the server log.
        log.warn("Refused a decision that could not be logged: {}", e.getMessage(), e.getCause());
        return ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "decision_log_unavailable",
                "The decision could not be recorded, so none is given: " + e.getMessage() + ".", "retry in a moment; the service is under load");
    }

    @ExceptionHandler(DecisionTooLargeException.class)
    ProblemDetail decisionTooLarge(DecisionTooLargeException e) {
        ProblemDetail problem = ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "decision_too_large", capitalise(e.getMessage()) + "; no decision was given or logged.",
                e.field().equals("record")
                        ? "send a shorter draft or interaction text: every phrase flagged in the draft adds to the decision; POST /api/v1/check shows them"
                        : "send a shorter " + e.field());
        return ApiProblem.with(problem, Map.of("field", e.field(), "size", e.size(), "limit", e.limit()));
    }

    @ExceptionHandler(CapReachedException.class)
    ProblemDetail capReached(CapReachedException e) {
        ProblemDetail problem = ApiProblem.of(HttpStatus.CONFLICT, "compensation_cap_reached", capitalise(e.getMessage()) + "; nothing was recorded.",
                "do not give this offer: the entries listed already count against the cap of the manual's coupon-limits table; "
                        + "apologise and follow up instead, and ask a supervisor if the case deserves an exception");
        return ApiProblem.with(problem, Map.of("action", e.offer(), "max", CapReachedException.whole(e.max()), "windowDays",
                CapReachedException.whole(e.windowDays()), "entries",
                e.counting().stream().map(c -> new CapEntry(c.code(), c.decisionId(), c.acceptedAt())).toList()));
    }

    /** An accepted offer that counts against the cap, as the problem lists it. */
    record CapEntry(String code, String decisionId, java.time.Instant acceptedAt) {
    }

    @ExceptionHandler(LedgerBusyException.class)
    ProblemDetail ledgerBusy(LedgerBusyException e) {
        return ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "ledger_busy", capitalise(e.getMessage()) + "; nothing was recorded.",
                "send the same feedback again; an accepted offer is recorded once however often it is sent");
    }

    @ExceptionHandler(Decisions.NotFound.class)
    ProblemDetail decisionNotFound(Decisions.NotFound e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "decision_not_found", capitalise(e.getMessage()) + ".", "use the decisionId a guidance answer returned");
    }

    @ExceptionHandler(Decisions.UnknownAction.class)
    ProblemDetail unknownAction(Decisions.UnknownAction e) {
        return ApiProblem.with(ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "unknown_code", capitalise(e.getMessage()) + ".",
                "give feedback on one of the decision's action codes, listed in 'known'", List.of(new ApiProblem.FieldError("action", e.getMessage()))),
                Map.of("field", "action", "known", e.known));
    }

    @ExceptionHandler(Decisions.ReasonNotAllowed.class)
    ProblemDetail reasonNotAllowed(Decisions.ReasonNotAllowed e) {
        return ApiProblem.withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "reason_not_allowed", capitalise(e.getMessage()) + "; nothing was recorded.",
                "leave reason out, or send outcome REJECTED: only a rejected action has a reason",
                List.of(new ApiProblem.FieldError("reason", e.getMessage())));
    }

    @ExceptionHandler(Decisions.InvalidOutcome.class)
    ProblemDetail outcomeInvalid(Decisions.InvalidOutcome e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "The outcome report cannot be stored: " + e.getMessage() + "; nothing was recorded.",
                "send at least one of resolved, firstContact, csat (1 to 5), contactsAboutIssue (1 or more) and handleSeconds (0 or more)",
                e.errors().entrySet().stream().map(f -> new ApiProblem.FieldError(f.getKey(), f.getValue())).toList());
    }

    @ExceptionHandler(Suggestions.Invalid.class)
    ProblemDetail suggestionInvalid(Suggestions.Invalid e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "The request has " + e.errors().size() + " invalid field(s).",
                "fix " + String.join(", ", e.errors().keySet().stream().map(f -> "'" + f + "'").toList()) + " as listed in 'errors'",
                e.errors().entrySet().stream().map(f -> new ApiProblem.FieldError(f.getKey(), f.getValue())).toList());
    }

    @ExceptionHandler(Insights.Invalid.class)
    ProblemDetail insightFilterInvalid(Insights.Invalid e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "The filter cannot be applied: " + e.getMessage() + ".",
                "send from and to as days (YYYY-MM-DD) with from on or before to, and release between 1 and the current one",
                e.errors().entrySet().stream().map(f -> new ApiProblem.FieldError(f.getKey(), f.getValue())).toList());
    }

    @ExceptionHandler(Suggestions.NotFound.class)
    ProblemDetail suggestionNotFound(Suggestions.NotFound e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "suggestion_not_found", capitalise(e.getMessage()) + ".", "use an id from GET /api/v1/suggestions");
    }

    @ExceptionHandler(Suggestions.Closed.class)
    ProblemDetail suggestionClosed(Suggestions.Closed e) {
        return ApiProblem.with(ApiProblem.of(HttpStatus.CONFLICT, "suggestion_closed", capitalise(e.getMessage()) + "; nothing was changed.",
                "read the report again with GET /api/v1/suggestions: an owner has already decided on it"), Map.of("currentStatus", e.status()));
    }

    @ExceptionHandler(Accounts.Invalid.class)
    ProblemDetail accountInvalid(Accounts.Invalid e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", capitalise(e.getMessage()) + ".", "fix '" + e.field + "': " + e.getMessage(),
                List.of(new ApiProblem.FieldError(e.field, e.getMessage())));
    }

    @ExceptionHandler(Accounts.Conflict.class)
    ProblemDetail accountConflict(Accounts.Conflict e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "account_conflict", capitalise(e.getMessage()) + ".", "choose another name, or list the keys with GET /api/v1/api-keys");
    }

    @ExceptionHandler(RuleFailure.class)
    ProblemDetail ruleFailure(RuleFailure e) {
        log.error("Rule evaluation stopped ({}): {}", e.kind(), e.getMessage());
        ProblemDetail problem = switch (e.kind()) {
            case LOOP -> ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "rules_did_not_settle", "The policy rules did not settle for this situation: " + e.getMessage() + ".",
                    "tell the policy owners; the rule named keeps firing and needs a condition that stops it");
            case TIME_BUDGET -> ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "rule_budget_exceeded", "The policy rules took too long for this situation: " + e.getMessage() + ".",
                    "retry in a moment; if it keeps happening for this situation, tell the policy owners that the rule named is too slow");
            case ERROR -> ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "rule_failed", "A policy rule failed for this situation: " + e.getMessage() + ".",
                    "check the values sent for zeros or missing fields; if they are right, tell the policy owners that the rule named fails on them");
        };
        return e.rule() == null ? problem : ApiProblem.with(problem, Map.of("rule", e.rule()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Pauta could not answer this request.",
                "try again; if it keeps failing, give the operators the time of the request");
    }
}
