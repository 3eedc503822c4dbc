package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The committed document (the input of the generated client and of Spectral) is the served one. Refresh it with
 * {@code mvn -o -q test -Dtest=ContractDocumentTest -Dpauta.openapi.refresh=true} and commit the file.
 */
@ApiTest
class ContractDocumentTest {

    static final Path COMMITTED = Path.of("src/main/resources/openapi/pauta-v1.json");

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        Http.Reply served = new Http(port).get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        String text = new String(served.bytes(), StandardCharsets.UTF_8).strip() + "\n";
        if (Boolean.getBoolean("pauta.openapi.refresh")) {
            Files.writeString(COMMITTED, text);
        }

        JsonNode committed = Http.JSON.readTree(Files.readString(COMMITTED));
        assertThat(committed)
                .as("%s differs from GET /v3/api-docs; refresh it with mvn -o -q test -Dtest=ContractDocumentTest -Dpauta.openapi.refresh=true, "
                        + "review the diff and commit it", COMMITTED)
                .isEqualTo(served.body());
    }

    @Test
    void everyOperationIsNamedTaggedDescribedAndShownByExample() {
        JsonNode document = new Http(port).get("/v3/api-docs").body();
        assertThat(document.get("openapi").asString()).startsWith("3.0");
        List<String> problems = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey() + " " + path.getKey();
            if (!operation.path("operationId").asString("").matches("[a-z]+[A-Za-z]*")) {
                problems.add(where + ": no operationId");
            }
            if (!OpenApiDocument.TAGS.containsKey(operation.path("tags").path(0).asString(""))) {
                problems.add(where + ": not placed in OpenApiDocument.OPERATIONS (tag, problems)");
            }
            if (operation.path("summary").asString("").isBlank() || operation.path("description").asString("").isBlank()) {
                problems.add(where + ": no summary or description");
            }
            JsonNode request = operation.path("requestBody").path("content").path("application/json");
            if (!request.isMissingNode() && !request.path("examples").path("example").path("value").isObject()) {
                problems.add(where + ": no request example object");
            }
            operation.get("responses").properties().forEach(response -> {
                JsonNode content = response.getValue().path("content");
                // 304 is a conditional GET's empty answer, not a failure
                boolean success = response.getKey().startsWith("2") || response.getKey().equals("304");
                if (success && content.has("application/json") && content.path("application/json").path("examples").path("example").path("value").isMissingNode()) {
                    problems.add(where + " " + response.getKey() + ": no answer example");
                }
                if (!success && (!content.has(OpenApiDocument.PROBLEM_JSON) || content.path(OpenApiDocument.PROBLEM_JSON).path("examples").isEmpty())) {
                    problems.add(where + " " + response.getKey() + ": not a Problem with examples");
                }
            });
            for (String status : List.of("400", "401", "403", "429")) {
                if (!operation.get("responses").has(status)) {
                    problems.add(where + ": does not document " + status);
                }
            }
        }));
        assertThat(problems).isEmpty();
    }
}
