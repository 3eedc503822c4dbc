package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import dev.pauta.PautaApplication;
import dev.pauta.TestBundles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class RestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PautaApplication.class).run("--server.port=0", "--spring.profiles.active=test",
                "--pauta.data-dir=" + data, "--pauta.bundle-dir=" + TestBundles.fixture());
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.admin(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void releasesChangesHistoryAndDecisionsSurviveARestart() {
        long published;
        long open;
        int release;
        String decision;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            JsonNode faq = http.get("/api/v1/documents?path=manual/en/faq.md").body();
            published = http.post("/api/v1/changes", Map.of("title", "Kept across restarts")).body().get("id").asLong();
            http.put("/api/v1/changes/" + published + "/documents?path=manual/en/faq.md",
                    Map.of("content", faq.get("content").asString() + "\nSurvives.\n", "baseRevision", faq.get("revision").asLong()));
            release = http.post("/api/v1/changes/" + published + "/publish", Map.of("message", "before restart")).body().get("release").asInt();
            open = http.post("/api/v1/changes", Map.of("title", "Still open")).body().get("id").asLong();
            decision = http.post("/api/v1/guidance", "{\"locale\":\"es\",\"channel\":\"PHONE\",\"intent\":\"ORDER_DELAYED\",\"order\":{\"delayDays\":6}}")
                    .body().get("decisionId").asString();
        }

        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            assertThat(http.get("/api/v1/releases").body().get(0).get("number").asInt()).isEqualTo(release);
            assertThat(http.get("/api/v1/changes/" + published).body().get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(http.get("/api/v1/changes/" + open).body().get("status").asString()).isEqualTo("OPEN");
            assertThat(http.get("/api/v1/documents?path=manual/en/faq.md").body().get("content").asString()).endsWith("Survives.\n");
            assertThat(http.get("/api/v1/documents/history?path=manual/en/faq.md").body().size()).isEqualTo(2);
            JsonNode answer = http.post("/api/v1/guidance", "{\"locale\":\"en\",\"channel\":\"EMAIL\",\"intent\":\"PRODUCT_QUESTION\"}").body();
            assertThat(answer.get("release").asInt()).isEqualTo(release);
            assertThat(http.get("/api/v1/audit").body().findValuesAsString("action")).contains("release.import", "change.create", "release.publish");
            JsonNode logged = http.get("/api/v1/decisions/" + decision).body();
            assertThat(logged.get("decisionId").asString()).isEqualTo(decision);
            assertThat(logged.get("decision").get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
            assertThat(http.get("/api/v1/decisions/verify").body().get("ok").asBoolean()).isTrue();
        }
    }
}
