package dev.pauta.api;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The one Problem schema of the document (RFC 9457 plus code, hint, errors and the extension members Pauta sends) and its examples. */
final class ProblemSchemas {

    private ProblemSchemas() {
    }

    static Schema<?> problem() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details with a stable snake_case code and a hint; other members depend on the code.")
                .addProperty("type", new StringSchema().description("A URI reference naming the problem type; absent means about:blank, as for all of Pauta's problems.").example("about:blank"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase.").example("Bad Request"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", new StringSchema().description("What went wrong with this request."))
                .addProperty("instance", new StringSchema().description("The path of the request."))
                .addProperty("code", new StringSchema().pattern("^[a-z][a-z0-9_]*$").description("Stable: program against it.").example("invalid_request"))
                .addProperty("hint", new StringSchema().description("What to do about it."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError"))
                        .description("The fields at fault (invalid_request, malformed_json, unknown_field, unknown_code), or the bundle's problems (invalid_bundle)."))
                .addProperty("field", new StringSchema().description("The field holding an unknown code (unknown_code) or over its size (decision_too_large)."))
                .addProperty("known", new ArraySchema().items(new StringSchema()).description("The codes, ids or fields that would be accepted."))
                .addProperty("paths", new ArraySchema().items(new StringSchema()).description("Documents a newer release touched (release_conflict)."))
                .addProperty("current", new ObjectSchema().description("The document as it now stands (stale_revision).")
                        .addProperty("path", new StringSchema()).addProperty("revision", new IntegerSchema().format("int64"))
                        .addProperty("content", new StringSchema()))
                .addProperty("action", new StringSchema().description("The offer refused (compensation_cap_reached)."))
                .addProperty("max", new NumberSchema().description("The cap (compensation_cap_reached)."))
                .addProperty("windowDays", new NumberSchema().description("The cap's window in days (compensation_cap_reached)."))
                .addProperty("entries", new ArraySchema().description("The accepted offers that count against the cap (compensation_cap_reached).")
                        .items(new ObjectSchema().addProperty("code", new StringSchema()).addProperty("decisionId", new StringSchema())
                                .addProperty("acceptedAt", new StringSchema().format("date-time"))))
                .addProperty("size", new IntegerSchema().format("int64").description("The size sent, in bytes (decision_too_large)."))
                .addProperty("limit", new IntegerSchema().format("int64").description("The largest size accepted, in bytes (decision_too_large)."));
        problem.setRequired(List.of("code", "detail", "hint", "status", "title"));
        return problem;
    }

    static Schema<?> error() {
        Schema<?> error = new ObjectSchema()
                .description("A field at fault ({field, message}) or, for invalid_bundle, a problem in a document ({path, line, message, hint}).")
                .addProperty("field", new StringSchema().description("The field's path in the request, such as order.delayDays or roles[0]."))
                .addProperty("message", new StringSchema())
                .addProperty("path", new StringSchema().description("The document's path in the bundle."))
                .addProperty("line", new IntegerSchema().description("1-based; 0 when it concerns the whole document."))
                .addProperty("hint", new StringSchema().nullable(true));
        error.setRequired(List.of("message"));
        return error;
    }

    static Map<String, Object> example(HttpStatus status, String code, String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", "The request was refused: " + code.replace('_', ' ') + ".");
        example.put("instance", path.replaceAll("\\{[^}]+}", "1"));
        example.put("code", code);
        example.put("hint", "Read 'detail'; the hint names what to change.");
        if (code.equals("invalid_request") || code.equals("malformed_json") || code.equals("unknown_field")) {
            example.put("errors", List.of(Map.of("field", "intent", "message", "must not be null")));
        }
        if (code.equals("unknown_code")) {
            example.put("field", "channel");
            example.put("known", List.of("CHAT", "EMAIL", "PHONE", "SOCIAL", "STORE", "WEB"));
            example.put("errors", List.of(Map.of("field", "channel", "message", "unknown code 'FAX'")));
        }
        return example;
    }
}
