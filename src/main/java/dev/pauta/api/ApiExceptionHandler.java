package dev.pauta.api;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps failures of the request itself (unreadable or invalid bodies and parameters, media types, methods, paths) to
 * problem+json with a stable code and a hint. Failures of the domain, and anything unexpected, are {@link DomainProblems}'.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiExceptionHandler {

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
        if (type == java.time.LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        return type == Boolean.class || type == boolean.class ? "true or false" : "a value of the documented type";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ApiProblem.withErrors(HttpStatus.BAD_REQUEST, "missing_parameter", "Parameter '" + e.getParameterName() + "' is required.",
                "add ?" + e.getParameterName() + "=… to the request", List.of(new ApiProblem.FieldError(e.getParameterName(), "is required")));
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
}
