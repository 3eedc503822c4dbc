package dev.pauta.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the v1 problem+json body: a stable snake_case code, a hint, and the fields at fault. */
final class ApiProblem {

    record FieldError(String field, String message) {
    }

    private ApiProblem() {
    }

    static ProblemDetail of(HttpStatus status, String code, String detail, String hint) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("hint", hint);
        return problem;
    }

    static ProblemDetail withErrors(HttpStatus status, String code, String detail, String hint, List<FieldError> errors) {
        ProblemDetail problem = of(status, code, detail, hint);
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail with(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }
}
