package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Other systems report what happened after a decision: the latest report is the outcome, every report stays in the
 * history, the same report sent again records nothing, and a report that cannot be stored is refused with nothing stored.
 */
@ApiTest
class OutcomeReportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String decide() {
        Http.Reply reply = Http.admin(port).post("/api/v1/guidance", "{\"locale\":\"en\",\"channel\":\"EMAIL\",\"intent\":\"REFUND\"}");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("decisionId").asString();
    }

    Http.Reply report(Http client, String decisionId, Map<String, Object> body) {
        return client.post("/api/v1/decisions/" + decisionId + "/outcome", body);
    }

    long reports(String decisionId) {
        return jdbc.sql("select count(*) from decision_outcome_report where decision_id = ?").param(decisionId).query(Long.class).single();
    }

    @Test
    void aLaterReportReplacesTheOutcomeAndBothAreKeptInTheDecisionsHistory() {
        String id = decide();
        Http crm = Http.admin(port);

        Http.Reply first = report(crm, id, Map.of("resolved", false, "firstContact", false, "csat", 2, "contactsAboutIssue", 1, "handleSeconds", 340));
        Http.Reply second = report(crm, id, Map.of("resolved", true, "csat", 4, "contactsAboutIssue", 2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("reports").asInt()).isEqualTo(1);
        assertThat(first.body().get("handleSeconds").asInt()).isEqualTo(340);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("reports").asInt()).isEqualTo(2);
        assertThat(second.body().get("resolved").asBoolean()).isTrue();
        assertThat(second.body().get("firstContact").isNull()).as("a field the later report leaves out is not kept from the earlier one").isTrue();
        assertThat(second.body().get("handleSeconds").isNull()).isTrue();
        assertThat(second.body().get("caller").asString()).isEqualTo("admin");
        JsonNode history = crm.get("/api/v1/decisions/" + id).body().get("outcomes");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("csat").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("csat").asInt()).isEqualTo(4);
        assertThat(jdbc.sql("select csat from decision_outcome where decision_id = ?").param(id).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void theSameReportSentAgainRecordsNothingAndAnswersTheStoredOutcome() {
        String id = decide();
        Map<String, Object> body = Map.of("resolved", true, "firstContact", true, "csat", 5);
        Http.Reply first = report(Http.admin(port), id, body);

        Http.Reply again = report(Http.admin(port), id, body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(reports(id)).isEqualTo(1);
    }

    @Test
    void anAgentReportsAndAnEmptyReportOrAFieldOutOfRangeIsRefusedWithNothingStored() {
        String id = decide();
        Http.admin(port).post("/api/v1/users", Map.of("username", "outcome-agent", "password", "a-long-password-1", "roles", List.of("AGENT")));
        Http agent = new Http(port).as(Http.basic("outcome-agent", "a-long-password-1"));

        Http.Reply empty = report(agent, id, Map.of());
        Http.Reply csat = report(agent, id, Map.of("csat", 6));
        Http.Reply contacts = report(agent, id, Map.of("contactsAboutIssue", 0));
        Map<String, Object> negative = new HashMap<>();
        negative.put("handleSeconds", -1);
        Http.Reply handle = report(agent, id, negative);

        for (Http.Reply refused : List.of(empty, csat, contacts, handle)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid_request");
        }
        assertThat(csat.body().get("errors").findValuesAsString("field")).containsExactly("csat");
        assertThat(handle.body().get("errors").findValuesAsString("field")).containsExactly("handleSeconds");
        assertThat(reports(id)).isZero();
        assertThat(report(agent, id, Map.of("csat", 3)).status()).as("an agent may report").isEqualTo(200);
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        Http.Reply refused = report(Http.admin(port), "no-such-decision", Map.of("resolved", true));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().get("code").asString()).isEqualTo("decision_not_found");
    }
}
