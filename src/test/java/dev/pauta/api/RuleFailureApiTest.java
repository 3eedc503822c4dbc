package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import dev.pauta.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Serving a release whose rule divides by the minutes waited: a request without a wait gets a 422 naming the rule. */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:rule-failure-api;DB_CLOSE_DELAY=-1")
class RuleFailureApiTest {

    static final String LATE_ORDER = """
            {"locale":"es","channel":"PHONE","intent":"ORDER_DELAYED","order":{"delayDays":6},"interaction":{"waitMinutes":%d,"text":"%s"}}""";

    @TempDir
    static Path bundle;

    @DynamicPropertySource
    static void bundleWithAFragileRule(DynamicPropertyRegistry registry) {
        TestBundles.copyOfFixture(bundle);
        TestBundles.write(bundle, "rules/fragile.drl", """
                package pauta.fragile;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;

                rule "Waits per word"
                    @section("long-wait")
                when
                    Interaction(text == "boom", $minutes : waitMinutes)
                then
                    outcome.propose(kcontext, "INFORM", "WAIT_APOLOGY", 1).param("perMinute", 60 / $minutes);
                end
                """);
        registry.add("pauta.bundle-dir", bundle::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void theRuleServesRequestsItDoesNotFailOn() {
        Http.Reply reply = Http.admin(port).post("/api/v1/guidance", LATE_ORDER.formatted(4, "boom"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("explanation").get("rulesFired").toString()).contains("Waits per word");
    }

    @Test
    void aRuleThatFailsAnswers422NamingTheRule() {
        Http.Reply reply = Http.admin(port).post("/api/v1/guidance", LATE_ORDER.formatted(0, "boom"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo("rule_failed");
        assertThat(reply.body().get("rule").asString()).isEqualTo("Waits per word");
        assertThat(reply.body().get("detail").asString()).contains("rule 'Waits per word' divided by zero");
        assertThat(reply.body().get("hint").asString()).isNotBlank();
        assertNoJavaIn(reply);
    }

    private static void assertNoJavaIn(Http.Reply reply) {
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("dev.pauta")
                .doesNotContain("org.drools").doesNotContain("java.");
    }
}
