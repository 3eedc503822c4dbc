package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:decision-records;DB_CLOSE_DELAY=-1", "pauta.decisions.mask.interaction.text=DROP"})
class DecisionRecordsTest {

    static final String LATE_ORDER = """
            {"locale":"en","channel":"PHONE","intent":"ORDER_DELAYED","customer":{"id":"%s","tier":"GOLD"},"order":{"delayDays":6},
             "interaction":{"text":"My parcel is a week late, this is my address: 1 Private Road"}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void connect() {
        http = Http.admin(port);
    }

    JsonNode decide(String customer) {
        Http.Reply reply = http.post("/api/v1/guidance", LATE_ORDER.formatted(customer));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void everyDecisionIsLoggedWithItsReleaseAndMaskedSituation() {
        JsonNode decision = decide("C-LOGGED");

        JsonNode logged = http.get("/api/v1/decisions/" + decision.get("decisionId").asString()).body();
        assertThat(logged.get("release").asInt()).isEqualTo(decision.get("release").asInt());
        assertThat(logged.get("caller").asString()).isEqualTo("admin");
        assertThat(logged.get("decision").get("actions").size()).isEqualTo(decision.get("actions").size());
        assertThat(logged.get("situation").get("customer").get("id").asString()).startsWith("hash:").doesNotContain("C-LOGGED");
        assertThat(logged.get("situation").get("interaction").get("text").isNull()).isTrue();
    }

    @Test
    void acceptedFeedbackSentThreeTimesMakesOneLedgerEntryAndTheNextOfferIsHeldBackWithTheReason() {
        JsonNode first = decide("C-TWICE-LATE");
        String id = first.get("decisionId").asString();
        Map<String, Object> accepted = Map.of("action", "DELAY_COUPON", "outcome", "ACCEPTED", "helpful", true, "comment", "customer happy");

        String[] ledger = new String[3];
        for (int i = 0; i < 3; i++) {
            Http.Reply reply = http.post("/api/v1/decisions/" + id + "/feedback", accepted);
            assertThat(reply.status()).isEqualTo(200);
            ledger[i] = reply.body().get("ledger").asString();
        }

        assertThat(ledger).containsExactly("RECORDED", "ALREADY_RECORDED", "ALREADY_RECORDED");
        assertThat(jdbc.sql("select count(*) from compensation_ledger where decision_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(http.get("/api/v1/decisions/" + id).body().get("feedback").size()).isEqualTo(3);

        JsonNode next = decide("C-TWICE-LATE");
        assertThat(next.get("actions").findValuesAsString("code")).doesNotContain("DELAY_COUPON");
        JsonNode held = next.get("explanation").get("notApplied").get(0);
        assertThat(held.get("code").asString()).isEqualTo("DELAY_COUPON");
        assertThat(held.get("why").asString()).contains("30");

        assertThat(decide("C-SOMEONE-ELSE").get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
    }

    @Test
    void feedbackOnAnActionTheDecisionDidNotHoldIsRefusedWithTheKnownCodes() {
        String id = decide("C-WRONG-ACTION").get("decisionId").asString();

        Http.Reply reply = http.post("/api/v1/decisions/" + id + "/feedback", Map.of("action", "RETENTION_OFFER", "outcome", "ACCEPTED"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo("unknown_code");
        assertThat(reply.body().get("known").toString()).contains("DELAY_COUPON");
        assertThat(http.post("/api/v1/decisions/no-such-id/feedback", Map.of("action", "X", "outcome", "ACCEPTED")).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/decisions/" + id + "/feedback", Map.of("action", "DELAY_COUPON", "outcome", "MAYBE")).status()).isEqualTo(400);
    }

    @Test
    void aTamperedRecordIsReportedByTheChainCheck() {
        String honest = decide("C-CHAIN-1").get("decisionId").asString();
        String tampered = decide("C-CHAIN-2").get("decisionId").asString();
        decide("C-CHAIN-3");
        assertThat(http.get("/api/v1/decisions/verify").body().get("ok").asBoolean()).isTrue();

        jdbc.sql("update decision_log set decision = replace(decision, '\"percent\":15', '\"percent\":50') where id = ?").param(tampered).update();

        JsonNode check = http.get("/api/v1/decisions/verify").body();
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("brokenDecisionId").asString()).isEqualTo(tampered).isNotEqualTo(honest);
        assertThat(check.get("problem").asString()).contains("content");
        jdbc.sql("update decision_log set decision = replace(decision, '\"percent\":50', '\"percent\":15') where id = ?").param(tampered).update();
        assertThat(http.get("/api/v1/decisions/verify").body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void decisionsArePagedNewestFirst() {
        String newest = decide("C-PAGE").get("decisionId").asString();

        JsonNode page = http.get("/api/v1/decisions?page=0&size=2").body();

        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("items").get(0).get("decisionId").asString()).isEqualTo(newest);
        assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
    }

    @Test
    void impactReplaysLoggedSituationsAgainstAChangeBeforeItIsPublished() {
        decide("C-IMPACT-1");
        decide("C-IMPACT-2");
        JsonNode document = http.get("/api/v1/documents?path=manual/en/delay-compensation.md").body();
        long change = http.post("/api/v1/changes", Map.of("title", "Gold gets 18 % from day five")).body().get("id").asLong();
        String content = document.get("content").asString().replace("| 5 | 9 | GOLD | 15 |", "| 5 | 9 | GOLD | 18 |");
        assertThat(content).contains("| 5 | 9 | GOLD | 18 |");
        http.put("/api/v1/changes/" + change + "/documents?path=manual/en/delay-compensation.md",
                Map.of("content", content, "baseRevision", document.get("revision").asLong()));

        JsonNode impact = http.post("/api/v1/changes/" + change + "/impact", Map.of("sample", 500)).body();

        assertThat(impact.get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(impact.get("changed").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode example = impact.get("examples").get(0);
        assertThat(example.get("before").toString()).contains("DELAY_COUPON{percent=15}");
        assertThat(example.get("after").toString()).contains("DELAY_COUPON{percent=18}");
        assertThat(http.post("/api/v1/guidance", LATE_ORDER.formatted("C-IMPACT-3")).body().toString()).contains("\"percent\":15");
    }
}
