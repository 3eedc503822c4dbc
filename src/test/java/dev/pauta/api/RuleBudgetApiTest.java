package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Serving with a time budget of a nanosecond: every evaluation runs past it, and the answer says so without Java in it. */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:rule-budget-api;DB_CLOSE_DELAY=-1", "pauta.rules.time-budget=1ns"})
class RuleBudgetApiTest {

    static final String LATE_ORDER = """
            {"locale":"es","channel":"PHONE","intent":"ORDER_DELAYED","order":{"delayDays":6}}""";

    @LocalServerPort
    int port;

    @Test
    void rulesThatRunPastTheTimeBudgetAnswer503NamingTheRule() {
        Http.Reply reply = Http.admin(port).post("/api/v1/guidance", LATE_ORDER);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo("rule_budget_exceeded");
        String rule = reply.body().get("rule").asString();
        assertThat(rule).isNotBlank();
        assertThat(reply.body().get("detail").asString()).contains("'" + rule + "'");
        assertThat(reply.body().get("hint").asString()).contains("retry");
        assertNoJavaIn(reply);
    }

    private static void assertNoJavaIn(Http.Reply reply) {
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("dev.pauta")
                .doesNotContain("org.drools").doesNotContain("java.");
    }
}
