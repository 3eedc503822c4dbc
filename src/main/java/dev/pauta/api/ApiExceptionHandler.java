package dev.pauta.api;

import dev.pauta.authoring.AuthoringException;
import dev.pauta.decisions.CapReachedException;
import dev.pauta.decisions.DecisionLogUnavailableException;
import dev.pauta.decisions.DecisionTooLargeException;
import dev.pauta.decisions.Decisions;
import dev.pauta.decisions.LedgerBusyException;
import dev.pauta.security.Accounts;
import dev.pauta.guidance.SectionNotFoundException;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.rules.RuleFailure;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.apache.tomcat.util.http.InvalidParameterException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every failure of the API to problem+json with a stable code and a hint; nothing leaks a stack trace. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return malformed(json);
            }
        }
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "malformed_json", "The request body cannot be read as this endpoint's JSON object.", MALFORMED_HINT);
    }

    private static final String MALFORMED_HINT = "send one JSON object with the documented fields, numbers as numbers and text in double quotes";

    /** Says where the body went wrong in the client's terms (field path, line and column), never in the server's (types, classes). */
    private static ProblemDetail malformed(JacksonException e) {
        String field = fieldPath(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, field);
        }
        if (e instanceof StreamReadException && e.getLocation() != null) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "malformed_json", "The request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").", MALFORMED_HINT);
        }
        if (field.isEmpty()) {
            return ApiProblem.of(HttpStatus.BAD_REQUEST, "malformed_json", "The request body cannot be read as this endpoint's JSON object.", MALFORMED_HINT);
        }
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "malformed_json", "Field '" + field + "' does not hold a value of the documented type.",
                "check '" + field + "' against the API contract: numbers as numbers, lists in brackets, text in double quotes",
                List.of(new ApiProblem.FieldError(field, "has a value of the wrong type")));
    }

    /** Unknown fields are refused rather than ignored, so a misspelt optional field is not silently lost. */
    private static ProblemDetail unknownField(UnrecognizedPropertyException e, String field) {
        List<String> known = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        return ApiProblem.with(ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "unknown_field", "Field '" + field + "' is not part of this request.",
                        "remove '" + field + "' or correct its spelling; this object takes " + (known.isEmpty() ? "no fields" : String.join(", ", known)),
                        List.of(new ApiProblem.FieldError(field, "is not a documented field"))),
                Map.of("known", known));
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(BodySizeLimit.TooLarge.class)
    ProblemDetail tooLarge(BodySizeLimit.TooLarge e) {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "The request body is larger than " + e.limit + " bytes.",
                "send a shorter text; drafts and interaction text have their own limits in the API contract");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        FixHint hint = e.getParameter().getParameterType().getAnnotation(FixHint.class);
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "The request has " + errors.size() + " invalid field(s).",
                hint != null ? hint.value() : "fix the fields listed in 'errors'", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<ApiProblem.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiProblem.FieldError(
                        r.getMethodParameter().getParameterName() == null ? "parameter" : parameterName(r), err.getDefaultMessage())))
                .toList();
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "The request has " + errors.size() + " invalid parameter(s).",
                "fix " + errors.stream().map(f -> "'" + f.field() + "' (" + f.message() + ")").distinct().collect(java.util.stream.Collectors.joining(", ")),
                errors);
    }

    private static String parameterName(org.springframework.validation.method.ParameterValidationResult r) {
        var requestParam = r.getMethodParameter().getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        return requestParam != null && !requestParam.name().isEmpty() ? requestParam.name() : r.getMethodParameter().getParameterName();
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(parameter(v), v.getMessage())).toList();
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "The request has invalid parameters.",
                "fix " + errors.stream().map(f -> "'" + f.field() + "' (" + f.message() + ")").distinct().collect(java.util.stream.Collectors.joining(", ")),
                errors);
    }

    /** The parameter as the client names it: the path's last node, without the Java method in front of it. */
    private static String parameter(jakarta.validation.ConstraintViolation<?> violation) {
        String name = violation.getPropertyPath().toString();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            name = node.getName() == null ? name : node.getName();
        }
        return name;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "invalid_request", "Parameter '" + e.getName() + "' has the wrong type.",
                "send a value of the documented type", List.of(new ApiProblem.FieldError(e.getName(), "must be " + expected(e.getRequiredType()))));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        return type == Boolean.class || type == boolean.class ? "true or false" : "a value of the documented type";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "missing_parameter", "Parameter '" + e.getParameterName() + "' is required.",
                "add ?" + e.getParameterName() + "=… to the request", List.of(new ApiProblem.FieldError(e.getParameterName(), "is required")));
    }

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
                "start a new change from the current release and redo the edits to the listed paths"), Map.of("paths", e.paths()));
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

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        List<String> accepted = e.getSupportedMediaTypes().stream().map(org.springframework.http.MediaType::toString).filter(t -> !t.contains("multipart")).toList();
        return ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                e.getContentType() == null ? "The request has a body but no Content-Type." : "This endpoint does not read " + e.getContentType() + ".",
                "send Content-Type: " + (accepted.isEmpty() ? "application/json" : String.join(" or ", accepted)));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiProblem.of(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This endpoint answers in JSON.", "accept application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ApiProblem.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "Method " + e.getMethod() + " is not supported here.",
                "use " + String.join(" or ", e.getSupportedMethods() == null ? new String[] {"the documented method"} : e.getSupportedMethods()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "There is nothing at /" + e.getResourcePath() + ".", "see the API contract for the endpoints");
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableParameters(InvalidParameterException e) {
        return ContainerProblems.invalidParameters();
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "missing_parameter", "Part '" + e.getRequestPartName() + "' is required.",
                "send the zip as the form part '" + e.getRequestPartName() + "', or send it as the body with Content-Type: application/zip",
                List.of(new ApiProblem.FieldError(e.getRequestPartName(), "is required")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Pauta could not answer this request.",
                "try again; if it keeps failing, give the operators the time of the request");
    }
}
