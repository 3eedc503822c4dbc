package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class OperationsTest {

    /** Every endpoint of the API contract, as method and path template. */
    static final List<String> CONTRACT = List.of(
            "post /api/v1/guidance", "post /api/v1/check", "get /api/v1/search", "get /api/v1/sections/{id}",
            "get /api/v1/decisions/{id}", "post /api/v1/decisions/{id}/feedback", "get /api/v1/decisions",
            "post /api/v1/changes", "get /api/v1/changes/{id}", "put /api/v1/changes/{id}/documents", "delete /api/v1/changes/{id}/documents",
            "post /api/v1/changes/{id}/validate", "post /api/v1/changes/{id}/impact", "post /api/v1/changes/{id}/publish",
            "get /api/v1/documents", "get /api/v1/documents/history", "get /api/v1/releases", "get /api/v1/releases/{n}",
            "post /api/v1/releases/{n}/rollback", "get /api/v1/releases/{a}/diff/{b}", "get /api/v1/releases/{n}/export",
            "post /api/v1/changes/{id}/import", "post /api/v1/users", "post /api/v1/api-keys", "delete /api/v1/api-keys/{id}",
            "post /api/v1/suggestions", "get /api/v1/suggestions",
            "post /api/v1/changes/{id}/review-request", "post /api/v1/changes/{id}/approve", "post /api/v1/changes/{id}/request-changes",
            "post /api/v1/changes/{id}/rebase", "get /api/v1/changes/{id}/tables", "put /api/v1/changes/{id}/tables", "post /api/v1/changes/{id}/tables/check",
            "post /api/v1/decisions/{id}/outcome", "post /api/v1/suggestions/{id}/accept",
            "post /api/v1/suggestions/{id}/decline", "get /api/v1/insights/actions", "get /api/v1/insights/sections", "get /api/v1/insights/gaps",
            "get /api/v1/insights/adherence", "get /api/v1/insights/indicators", "get /api/v1/insights/releases");

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentCoversEveryContractEndpointWithExamples() {
        Http.Reply document = new Http(port).get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.body().get("paths");

        for (String endpoint : CONTRACT) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            assertThat(paths.has(path) && paths.get(path).has(method)).as(endpoint + " is documented").isTrue();
        }
        JsonNode guidance = paths.get("/api/v1/guidance").get("post").get("requestBody").get("content").get("application/json");
        assertThat(guidance.get("examples").get("example").get("value").toString()).contains("ORDER_DELAYED");
        assertThat(paths.get("/api/v1/guidance").get("post").get("responses").get("200").toString()).contains("DELAY_COUPON");
        assertThat(document.body().get("components").get("securitySchemes").has("apiKey")).isTrue();
    }

    @Test
    void metricsShowDecisionsLatencyRulesAndTheLogQueue() {
        Http admin = Http.admin(port);
        assertThat(admin.post("/api/v1/guidance", "{\"locale\":\"en\",\"channel\":\"CHAT\",\"intent\":\"OTHER\"}").status()).isEqualTo(200);

        Http.Reply metrics = new Http(port).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        String text = new String(metrics.bytes());
        assertThat(text).contains("pauta_decisions_total", "pauta_decision_latency_seconds_bucket", "pauta_rules_fired",
                "pauta_decision_log_queue", "pauta_decision_log_wait_seconds", "pauta_sections_review_overdue");
    }

    @Test
    void readinessReportsTheLoadedRelease() {
        Http.Reply ready = new Http(port).get("/actuator/health/readiness");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().get("status").asString()).isEqualTo("UP");
    }
}
