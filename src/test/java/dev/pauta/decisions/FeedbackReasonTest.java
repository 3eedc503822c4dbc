package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import dev.pauta.guidance.ManualVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A rejection says why with a code of the manual's rejection-reasons table in the decision's locale; it is stored and read
 * back, and a reason with another outcome or outside the table is refused with nothing recorded, not even a ledger entry.
 */
@ApiTest
class FeedbackReasonTest {

    static final String LATE_ORDER = """
            {"locale":"%s","channel":"PHONE","intent":"ORDER_DELAYED","customer":{"id":"%s","tier":"GOLD"},"order":{"delayDays":6}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManualVocabulary vocabulary;

    String decide(String locale, String customer) {
        Http.Reply reply = Http.admin(port).post("/api/v1/guidance", LATE_ORDER.formatted(locale, customer));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
        return reply.body().get("decisionId").asString();
    }

    Http.Reply feedback(String decisionId, Map<String, Object> body) {
        return Http.admin(port).post("/api/v1/decisions/" + decisionId + "/feedback", body);
    }

    long stored(String decisionId) {
        return jdbc.sql("select count(*) from decision_feedback where decision_id = ?").param(decisionId).query(Long.class).single();
    }

    @Test
    void aRejectionWithAReasonOfTheManualIsStoredAndReadBackWithTheDecision() {
        String id = decide("es", "C-REASON-STORED");
        List<String> reasons = List.copyOf(vocabulary.vocabulary("es").rejectionReasons().keySet());
        String reason = reasons.get(reasons.size() / 2);

        Http.Reply sent = feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "REJECTED", "reason", reason, "comment", "ya tenía otro cupón"));
        Http.Reply plain = feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "REJECTED"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().get("ledger").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(plain.status()).as("a reason is optional").isEqualTo(200);
        JsonNode feedback = Http.admin(port).get("/api/v1/decisions/" + id).body().get("feedback");
        assertThat(feedback.size()).isEqualTo(2);
        assertThat(feedback.get(0).get("reason").asString()).isEqualTo(reason);
        assertThat(feedback.get(0).get("comment").asString()).isEqualTo("ya tenía otro cupón");
        assertThat(feedback.get(1).get("reason").isNull()).isTrue();
        assertThat(jdbc.sql("select reason from decision_feedback where decision_id = ? order by id").param(id).query(String.class).list())
                .containsExactly(reason, null);
    }

    @Test
    void aReasonWithAnAcceptedOfferIsRefusedAndNeitherTheFeedbackNorTheLedgerEntryIsWritten() {
        String id = decide("en", "C-REASON-ACCEPTED");
        String reason = vocabulary.vocabulary("en").rejectionReasons().keySet().iterator().next();

        Http.Reply refused = feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "ACCEPTED", "reason", reason));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asString()).isEqualTo("reason_not_allowed");
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(refused.body().get("hint").asString()).contains("REJECTED");
        assertThat(stored(id)).isZero();
        assertThat(feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "ACCEPTED")).body().get("ledger").asString())
                .as("the refused acceptance left no ledger entry behind").isEqualTo("RECORDED");
    }

    @Test
    void aReasonOutsideTheDecisionsLocaleTableIsAnUnknownCodeListingTheTablesCodes() {
        String id = decide("en", "C-REASON-UNKNOWN");

        Http.Reply refused = feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "REJECTED", "reason", "TOO_EXPENSIVE"));
        Http.Reply lowercase = feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "REJECTED",
                "reason", vocabulary.vocabulary("en").rejectionReasons().keySet().iterator().next().toLowerCase()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("unknown_code");
        assertThat(refused.body().get("field").asString()).isEqualTo("reason");
        List<String> known = new ArrayList<>();
        refused.body().get("known").forEach(code -> known.add(code.asString()));
        assertThat(known).containsExactlyInAnyOrderElementsOf(vocabulary.vocabulary("en").rejectionReasons().keySet());
        assertThat(lowercase.status()).isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    @Test
    void aBlankOrOverlongReasonIsAnInvalidField() {
        String id = decide("en", "C-REASON-BLANK");

        for (String reason : List.of(" ", "R".repeat(61))) {
            Http.Reply refused = feedback(id, Map.of("action", "DELAY_COUPON", "outcome", "REJECTED", "reason", reason));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid_request");
            assertThat(refused.body().get("errors").findValuesAsString("field")).contains("reason");
        }
        assertThat(stored(id)).isZero();
    }
}
