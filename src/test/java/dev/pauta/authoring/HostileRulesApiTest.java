package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.HostileRules;
import dev.pauta.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every hostile rule of the corpus, through the API an editor uses, in one running service. */
@ApiTest
class HostileRulesApiTest {

    static final String LATE_ORDER = """
            {"locale":"es","channel":"PHONE","intent":"ORDER_DELAYED","customer":{"tier":"GOLD"},"order":{"delayDays":6}}""";
    /** Every body the service sent back, searched at the end for a leaked password. */
    static final List<String> BODIES = Collections.synchronizedList(new ArrayList<>());

    @LocalServerPort
    int port;

    static List<String> hostileFiles() {
        return HostileRules.files();
    }

    @BeforeAll
    static void noMarkerYet() {
        HostileRules.clearMarker();
    }

    @AfterAll
    static void noAttackRanAndNoPasswordLeaked() {
        assertThat(HostileRules.MARKER).doesNotExist();
        assertThat(BODIES).hasSizeGreaterThanOrEqualTo(5 * HostileRules.files().size());
        Stream.of(Http.ADMIN_PASSWORD, System.getenv("PAUTA_ADMIN_PASSWORD")).filter(p -> p != null && !p.isBlank())
                .forEach(password -> assertThat(BODIES).noneMatch(body -> body.contains(password)));
    }

    private Http.Reply recorded(Http.Reply reply) {
        BODIES.add(new String(reply.bytes(), StandardCharsets.UTF_8));
        return reply;
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void aHostileRuleIsRefusedByValidateImpactAndPublishWhileTheReleaseKeepsServing(String file) {
        Http http = Http.admin(port);
        Http.Reply before = recorded(http.post("/api/v1/guidance", LATE_ORDER));
        assertThat(before.status()).isEqualTo(200);
        int release = before.body().get("release").asInt();
        Http.Reply created = recorded(http.post("/api/v1/changes", Map.of("title", "Hostile rule " + file)));
        assertThat(created.status()).isEqualTo(201);
        long change = created.body().get("id").asLong();
        Http.Reply saved = recorded(http.put("/api/v1/changes/" + change + "/documents?path=rules/hostile.drl",
                Map.of("content", HostileRules.read(file), "baseRevision", 0)));
        assertThat(saved.status()).isEqualTo(200);

        Http.Reply validation = recorded(http.post("/api/v1/changes/" + change + "/validate", ""));
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.body().get("ok").asBoolean()).isFalse();
        assertThat(errorsOn(validation.body())).isNotEmpty().allSatisfy(error -> {
            assertThat(error.get("line").asInt()).isPositive();
            assertThat(error.get("hint").asString()).isNotBlank();
        });

        Http.Reply impact = recorded(http.post("/api/v1/changes/" + change + "/impact", Map.of("sample", 10)));
        assertThat(impact.status()).isBetween(400, 499);
        assertThat(impact.contentType()).startsWith("application/problem+json");
        assertThat(impact.body().get("code").asString()).isEqualTo("invalid_bundle");
        assertThat(errorsOn(impact.body())).isNotEmpty();

        Http.Reply publish = recorded(http.post("/api/v1/changes/" + change + "/publish", Map.of("message", "hostile")));
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.body().get("code").asString()).isEqualTo("invalid_bundle");
        assertThat(errorsOn(publish.body())).isNotEmpty();

        Http.Reply after = recorded(http.post("/api/v1/guidance", LATE_ORDER));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().get("release").asInt()).isEqualTo(release);
        assertThat(after.body().get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
    }

    private static List<JsonNode> errorsOn(JsonNode body) {
        List<JsonNode> errors = new ArrayList<>();
        body.get("errors").forEach(error -> {
            if (error.get("path").asString().equals("rules/hostile.drl")) {
                errors.add(error);
            }
        });
        return errors;
    }
}
