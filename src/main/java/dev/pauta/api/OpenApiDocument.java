package dev.pauta.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at /v3/api-docs, as integrators generate clients from it: an operation id, tag, summary and
 * examples per operation, every status it answers with one Problem schema, nullable fields marked and every field a
 * response always carries required. Its length is the table of each operation's tag and problem codes, kept in one
 * place so a new endpoint is documented where the others are.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Where each operation belongs, and the problems it has beyond those every operation of its shape has. */
    record Entry(String tag, Map<Integer, List<String>> problems) {
    }

    static final Map<String, String> TAGS = Map.of(
            "Guidance", "Next best actions for a situation, and draft checks. Agents and other systems.",
            "Manual", "Search the manual and read its sections.",
            "Decisions", "Logged decisions: read them back, report what happened, check the log's hash chain.",
            "Authoring", "Policy owners: changes, documents, policy tables as forms, review, validation, impact, publishing, releases, import and export.",
            "Accounts", "People and API keys (ADMIN), and password changes.",
            "Insights", "Policy owners: guidance used and rejected, sections, knowledge gaps, adherence, service indicators against the manual's "
                    + "targets, releases compared, and sections overdue for review (PUBLISHER and above).",
            "Suggestions", "Problem reports on manual sections: agents report them and read what became of them; section owners accept or decline them.");

    static final Map<String, Entry> OPERATIONS = operations();

    /** The tag of an operation nobody has placed yet. */
    static final String UNLISTED = "Unlisted";

    private static Map<String, Entry> operations() {
        Map<String, Entry> o = new LinkedHashMap<>();
        o.put("decide", new Entry("Guidance", Map.of(400, List.of("unknown_code"), 413, List.of("decision_too_large"), 422, List.of("rule_failed"),
                503, List.of("decision_log_unavailable", "rules_did_not_settle", "rule_budget_exceeded"))));
        o.put("checkDraft", new Entry("Guidance", Map.of(400, List.of("unknown_code"))));
        o.put("searchManual", new Entry("Manual", Map.of(400, List.of("unknown_code"))));
        o.put("getSection", new Entry("Manual", Map.of(400, List.of("unknown_code"), 404, List.of("section_not_found"))));
        o.put("getDecision", new Entry("Decisions", Map.of(404, List.of("decision_not_found"))));
        o.put("listDecisions", new Entry("Decisions", Map.of()));
        o.put("verifyDecisionLog", new Entry("Decisions", Map.of()));
        o.put("sendFeedback", new Entry("Decisions", Map.of(400, List.of("unknown_code"), 404, List.of("decision_not_found"),
                409, List.of("compensation_cap_reached"), 422, List.of("reason_not_allowed"), 503, List.of("ledger_busy"))));
        o.put("reportOutcome", new Entry("Decisions", Map.of(404, List.of("decision_not_found"))));
        o.put("estimateImpact", new Entry("Authoring", Map.of(404, List.of("not_found"), 422, List.of("invalid_bundle", "rule_failed"),
                503, List.of("rules_did_not_settle", "rule_budget_exceeded"))));
        o.put("createChange", new Entry("Authoring", Map.of()));
        o.put("listChanges", new Entry("Authoring", Map.of()));
        o.put("getChange", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("putDocument", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("stale_revision", "change_closed"))));
        o.put("deleteDocument", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("stale_revision", "change_closed"))));
        o.put("validateChange", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("publishChange", new Entry("Authoring", Map.of(403, List.of("four_eyes"), 404, List.of("not_found"),
                409, List.of("release_conflict", "change_closed", "not_approved", "wrong_state"), 422, List.of("invalid_bundle"))));
        o.put("requestReview", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("wrong_state", "change_closed"))));
        o.put("approveChange", new Entry("Authoring", Map.of(403, List.of("four_eyes"), 404, List.of("not_found"), 409, List.of("wrong_state", "change_closed"))));
        o.put("requestChanges", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("wrong_state", "change_closed"))));
        o.put("rebaseChange", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("release_conflict", "change_closed"))));
        o.put("getTable", new Entry("Authoring", Map.of(404, List.of("not_found"), 422, List.of("invalid_bundle"))));
        o.put("saveTable", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("stale_revision", "change_closed"),
                422, List.of("invalid_bundle"))));
        o.put("checkCell", new Entry("Authoring", Map.of(404, List.of("not_found"), 422, List.of("invalid_bundle"))));
        o.put("importChange", new Entry("Authoring", Map.of(404, List.of("not_found"), 409, List.of("change_closed"))));
        o.put("getDocument", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("getDocumentHistory", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("listReleases", new Entry("Authoring", Map.of()));
        o.put("getRelease", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("rollbackRelease", new Entry("Authoring", Map.of(404, List.of("not_found"), 422, List.of("invalid_bundle"))));
        o.put("diffReleases", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("exportRelease", new Entry("Authoring", Map.of(404, List.of("not_found"))));
        o.put("listAudit", new Entry("Authoring", Map.of()));
        o.put("createUser", new Entry("Accounts", Map.of(409, List.of("account_conflict"))));
        o.put("createApiKey", new Entry("Accounts", Map.of()));
        o.put("listApiKeys", new Entry("Accounts", Map.of()));
        o.put("revokeApiKey", new Entry("Accounts", Map.of(409, List.of("account_conflict"))));
        o.put("disableUser", new Entry("Accounts", Map.of(404, List.of("user_not_found"), 409, List.of("cannot_disable_self"))));
        o.put("enableUser", new Entry("Accounts", Map.of(404, List.of("user_not_found"))));
        o.put("createSuggestion", new Entry("Suggestions", Map.of(400, List.of("unknown_code"), 404, List.of("section_not_found", "decision_not_found"))));
        o.put("listSuggestions", new Entry("Suggestions", Map.of(400, List.of("unknown_code"))));
        o.put("listMySuggestions", new Entry("Suggestions", Map.of()));
        o.put("acceptSuggestion", new Entry("Suggestions", Map.of(400, List.of("unknown_code"), 404, List.of("suggestion_not_found", "section_not_found"),
                409, List.of("suggestion_closed"))));
        o.put("declineSuggestion", new Entry("Suggestions", Map.of(404, List.of("suggestion_not_found"), 409, List.of("suggestion_closed"))));
        for (String insight : List.of("actionInsights", "sectionInsights", "gapInsights", "adherenceInsights", "indicatorInsights", "releaseInsights",
                "staleSections")) {
            o.put(insight, new Entry("Insights", Map.of(400, List.of("unknown_code"))));
        }
        o.put("changePassword", new Entry("Accounts", Map.of(403, List.of("wrong_current_password"), 404, List.of("user_not_found"))));
        return o;
    }

    /** Codes any operation may answer with, by status. */
    static final Map<Integer, List<String>> COMMON = Map.of(
            400, List.of("invalid_request", "missing_parameter", "invalid_parameters", "invalid_path", "request_too_large", "request_rejected"),
            401, List.of("unauthenticated", "invalid_credentials", "invalid_api_key"),
            403, List.of("forbidden"),
            404, List.of("not_found"),
            429, List.of("too_many_attempts"));

    /** Codes an operation that reads a body may answer with, by status. */
    static final Map<Integer, List<String>> BODY = Map.of(
            400, List.of("malformed_json", "unknown_field"),
            413, List.of("body_too_large"),
            415, List.of("unsupported_media_type"));

    private final Map<String, JsonNode> examples;

    OpenApiDocument(JsonMapper json) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/examples.json")) {
            Map<String, JsonNode> read = new TreeMap<>();
            json.readTree(in).properties().forEach(p -> read.put(p.getKey(), p.getValue()));
            this.examples = read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    OpenAPI pautaApi() {
        return new OpenAPI()
                .info(new Info().title("Pauta API").version("v1").contact(new Contact().name("Pauta"))
                        .description("Next-best-action guidance from an executable customer-service manual. Every error is application/problem+json "
                                + "(RFC 9457) with a stable snake_case 'code' and a 'hint' saying what to do; invalid fields are listed in 'errors'."))
                .servers(List.of(new Server().url("http://localhost:8080").description("Pauta on its default port; use your deployment's base URL")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("People: username and password"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Systems: an API key from createApiKey, sent as 'Authorization: Bearer <key>'")))
                .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("apiKey")));
    }

    @Bean
    OpenApiCustomizer pautaDocument() {
        return api -> {
            api.tags(TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(t -> new Tag().name(t.getKey()).description(t.getValue())).toList());
            api.getComponents().addSchemas("Problem", ProblemSchemas.problem()).addSchemas("ProblemError", ProblemSchemas.error());
            Set<String> requestSchemas = new HashSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                // an operation missing from OPERATIONS is still documented; ContractDocumentTest fails until it is added there
                Entry entry = OPERATIONS.getOrDefault(operation.getOperationId(), new Entry(UNLISTED, Map.of()));
                operation.setTags(List.of(entry.tag()));
                boolean json = operation.getRequestBody() != null;
                if (json) {
                    operation.getRequestBody().getContent().values().forEach(m -> collect(api, m.getSchema(), requestSchemas));
                }
                describeProblems(operation, path, entry, json);
                addExamples(operation);
            }));
            Set<String> responseSchemas = new HashSet<>();
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> op.getResponses().values().forEach(r -> {
                if (r.getContent() != null) {
                    r.getContent().values().forEach(m -> collect(api, m.getSchema(), responseSchemas));
                }
            })));
            SchemaRules.apply(api.getComponents().getSchemas(), requestSchemas, responseSchemas);
        };
    }

    private void describeProblems(Operation operation, String path, Entry entry, boolean body) {
        Map<Integer, Set<String>> codes = new TreeMap<>();
        COMMON.forEach((status, list) -> codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(list));
        if (body) {
            BODY.forEach((status, list) -> codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(list));
        }
        entry.problems().forEach((status, list) -> codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(list));
        ApiResponses responses = operation.getResponses();
        codes.forEach((status, list) -> {
            HttpStatus http = HttpStatus.valueOf(status);
            MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
            for (String code : list) {
                media.addExamples(code, new Example().summary(code).value(ProblemSchemas.example(http, code, path)));
            }
            responses.addApiResponse(Integer.toString(status), new ApiResponse()
                    .description(http.getReasonPhrase() + ": " + String.join(", ", list))
                    .content(new Content().addMediaType(PROBLEM_JSON, media)));
        });
    }

    private void addExamples(Operation operation) {
        JsonNode example = examples.get(operation.getOperationId());
        if (example == null) {
            return;
        }
        if (example.has("request") && operation.getRequestBody() != null) {
            MediaType media = operation.getRequestBody().getContent().get("application/json");
            if (media != null) {
                media.addExamples("example", new Example().summary(example.path("requestSummary").asString("A typical request"))
                        .value(Plain.of(example.get("request"))));
            }
        }
        if (example.has("response")) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null && response.getContent().get("application/json") != null) {
                    response.getContent().get("application/json").addExamples("example",
                            new Example().summary(example.path("responseSummary").asString("A typical answer")).value(Plain.of(example.get("response"))));
                }
            });
        }
    }

    /** Adds the named components a schema refers to, transitively. */
    private static void collect(OpenAPI api, Schema<?> schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(api, api.getComponents().getSchemas().get(name), names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(api, p, names));
        }
        if (schema.getItems() != null) {
            collect(api, schema.getItems(), names);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            collect(api, values, names);
        }
        if (schema instanceof ComposedSchema composed && composed.getAllOf() != null) {
            composed.getAllOf().forEach(s -> collect(api, s, names));
        }
    }

    /** JSON examples as plain maps, lists and values, so the document shows them as objects rather than as text. */
    static final class Plain {
        private Plain() {
        }

        static Object of(JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(p -> map.put(p.getKey(), of(p.getValue())));
                return map;
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(n -> list.add(of(n)));
                return list;
            }
            if (node.isNull()) {
                return null;
            }
            return node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asString();
        }
    }
}
