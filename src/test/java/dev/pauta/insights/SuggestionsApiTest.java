package dev.pauta.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.Http;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.ManualVocabulary;
import dev.pauta.guidance.SectionView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Problem reports over real HTTP on a real H2: an agent reports against a section, the report waits OPEN for the section's
 * owner, and owners list it; what cannot be stored is refused with a problem and nothing is stored. Its own context,
 * because it creates an agent's account.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=jdbc:h2:mem:suggestions;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionsApiTest {

    static final String AGENT = "marta-agent";
    static final String PASSWORD = "a-long-password-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManualSections sections;

    @Autowired
    ManualVocabulary vocabulary;

    @Autowired
    Suggestions suggestions;

    Http agent;

    @BeforeAll
    void createAnAgent() {
        assertThat(Http.admin(port).post("/api/v1/users", Map.of("username", AGENT, "password", PASSWORD, "roles", List.of("AGENT"))).status())
                .isEqualTo(201);
        agent = new Http(port).as(Http.basic(AGENT, PASSWORD));
    }

    Map<String, Object> report(String section, String locale, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("section", section);
        body.put("locale", locale);
        body.put("text", text);
        return body;
    }

    long stored() {
        return jdbc.sql("select count(*) from suggestion").query(Long.class).single();
    }

    @Test
    void anAgentsReportIsStoredOpenForTheSectionsOwnerAndListedForThatOwner() {
        Http.Reply decided = agent.post("/api/v1/guidance", "{\"locale\":\"es\",\"channel\":\"PHONE\",\"intent\":\"REFUND\"}");
        String decisionId = decided.body().get("decisionId").asString();
        SectionView refunds = sections.section("refunds", "es");
        Map<String, Object> body = report("refunds", "es", "El límite de reembolso para GOLD cambió y la sección no lo dice.");
        body.put("decisionId", decisionId);

        Http.Reply created = agent.post("/api/v1/suggestions", body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode suggestion = created.body();
        assertThat(suggestion.get("status").asString()).isEqualTo("OPEN");
        assertThat(suggestion.get("owner").asString()).isNotBlank().isEqualTo(refunds.owner());
        assertThat(suggestion.get("release").asInt()).isEqualTo(vocabulary.release());
        assertThat(suggestion.get("reporter").asString()).isEqualTo(AGENT);
        assertThat(suggestion.get("decisionId").asString()).isEqualTo(decisionId);
        assertThat(suggestion.get("reply").isNull()).isTrue();

        JsonNode inbox = Http.admin(port).get("/api/v1/suggestions?owner=" + refunds.owner() + "&status=OPEN").body().get("items");
        assertThat(inbox.findValuesAsString("text")).contains("El límite de reembolso para GOLD cambió y la sección no lo dice.");
        JsonNode listed = find(inbox, suggestion.get("id").asLong());
        assertThat(listed).isNotNull();
        assertThat(listed.get("section").asString()).isEqualTo("refunds");
        assertThat(listed.get("locale").asString()).isEqualTo("es");
        assertThat(listed.get("reporter").asString()).isEqualTo(AGENT);
        assertThat(listed.get("at").asString()).isEqualTo(suggestion.get("at").asString());

        String otherOwner = sections.section("delay-compensation", "es").owner();
        if (!otherOwner.equals(refunds.owner())) {
            assertThat(find(Http.admin(port).get("/api/v1/suggestions?owner=" + otherOwner).body().get("items"), suggestion.get("id").asLong()))
                    .as("another owner's inbox").isNull();
        }
        assertThat(find(Http.admin(port).get("/api/v1/suggestions?status=DECLINED").body().get("items"), suggestion.get("id").asLong())).isNull();
    }

    @Test
    void aReportWithoutLocaleOrReleaseIsForTheDefaultLocaleAndTheCurrentRelease() {
        Map<String, Object> body = report("faq", null, "Falta la pregunta sobre facturas duplicadas.");
        body.remove("locale");

        Http.Reply created = agent.post("/api/v1/suggestions", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("locale").asString()).isEqualTo(sections.section("faq", null).locale());
        assertThat(created.body().get("release").asInt()).isEqualTo(vocabulary.release());
        assertThat(created.body().get("decisionId").isNull()).isTrue();
    }

    @Test
    void anUnknownSectionIsNotFoundListingTheKnownOnesAndNothingIsStored() {
        long before = stored();

        Http.Reply refused = agent.post("/api/v1/suggestions", report("delay-coupons", "en", "Wrong numbers."));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().get("code").asString()).isEqualTo("section_not_found");
        assertThat(refused.body().get("known").toString()).contains("delay-compensation");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownLocaleOrDecisionIsRefusedAndNothingIsStored() {
        long before = stored();
        Map<String, Object> unknownDecision = report("refunds", "en", "Outdated.");
        unknownDecision.put("decisionId", "no-such-decision");

        Http.Reply locale = agent.post("/api/v1/suggestions", report("refunds", "fr", "Outdated."));
        Http.Reply decision = agent.post("/api/v1/suggestions", unknownDecision);

        assertThat(locale.status()).isEqualTo(400);
        assertThat(locale.body().get("code").asString()).isEqualTo("unknown_code");
        assertThat(locale.body().get("field").asString()).isEqualTo("locale");
        assertThat(decision.status()).isEqualTo(404);
        assertThat(decision.body().get("code").asString()).isEqualTo("decision_not_found");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBlankOrTooLongTextIsAnInvalidFieldAndNothingIsStored() {
        long before = stored();

        for (String text : List.of("", "   ", "x".repeat(Suggestions.MAX_TEXT + 1))) {
            Http.Reply refused = agent.post("/api/v1/suggestions", report("refunds", "en", text));

            assertThat(refused.status()).as("'%.10s…'", text).isEqualTo(400);
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid_request");
            assertThat(refused.body().get("errors").findValuesAsString("field")).containsOnly("text");
        }
        assertThat(agent.post("/api/v1/suggestions", report("refunds", "en", "x".repeat(Suggestions.MAX_TEXT))).status())
                .as("exactly the limit").isEqualTo(201);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aReleaseAfterTheCurrentOneOrBeforeTheFirstIsAnInvalidField() {
        long before = stored();
        for (int release : new int[] {vocabulary.release() + 1, 0}) {
            Map<String, Object> body = report("refunds", "en", "Outdated.");
            body.put("release", release);

            Http.Reply refused = agent.post("/api/v1/suggestions", body);

            assertThat(refused.status()).as("release " + release).isEqualTo(400);
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid_request");
            assertThat(refused.body().get("errors").findValuesAsString("field")).containsOnly("release");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theUseCaseChecksWhatTheApiChecksForPagesThatCallItDirectly() {
        long before = stored();

        Suggestions.Invalid invalid = catchThrowableOfType(Suggestions.Invalid.class,
                () -> suggestions.report(new SuggestionDraft(" ", "en", 0, null, "y".repeat(Suggestions.MAX_TEXT + 1)), AGENT));

        assertThat(invalid.errors()).containsOnlyKeys("section", "text", "release");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAgentCannotReadTheReportsAndAnUnknownStatusIsRefusedWithTheKnownOnes() {
        Http.Reply forbidden = agent.get("/api/v1/suggestions");
        Http.Reply status = Http.admin(port).get("/api/v1/suggestions?status=PENDING");

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("code").asString()).isEqualTo("forbidden");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body().get("code").asString()).isEqualTo("unknown_code");
        assertThat(status.body().get("known").toString()).contains("OPEN", "ACCEPTED", "DECLINED");
    }

    @Test
    void aReportersOwnReportsComeNewestFirst() {
        String reporter = "lucas-agent";
        Suggestion first = suggestions.report(new SuggestionDraft("values", "en", null, null, "First."), reporter);
        Suggestion second = suggestions.report(new SuggestionDraft("faq", "en", null, null, "Second."), reporter);

        assertThat(suggestions.byReporter(reporter, 10)).extracting(Suggestion::id).containsExactly(second.id(), first.id());
        assertThat(suggestions.byReporter(reporter, 1)).extracting(Suggestion::text).containsExactly("Second.");
        assertThat(suggestions.byReporter("nobody", 10)).isEmpty();
    }

    @Test
    void anOwnerAcceptsAReportIntoAChangeHoldingTheSectionAndTheReporterSeesIt() {
        Http admin = Http.admin(port);
        long id = agent.post("/api/v1/suggestions", report("refunds", "es", "Falta el plazo de reembolso para tarjetas regalo.")).body().get("id").asLong();

        Http.Reply accepted = admin.post("/api/v1/suggestions/" + id + "/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().get("decidedBy").asString()).isEqualTo("admin");
        long changeId = accepted.body().get("changeId").asLong();
        JsonNode change = admin.get("/api/v1/changes/" + changeId).body();
        assertThat(change.get("status").asString()).isEqualTo("OPEN");
        assertThat(change.get("title").asString()).contains("refunds");
        String path = change.get("documents").get(0).get("path").asString();
        assertThat(change.get("documents").findValuesAsString("path")).containsExactly(path);
        assertThat(path).startsWith("manual/es/");
        JsonNode released = admin.get("/api/v1/documents?path=" + path).body();
        assertThat(released.get("content").asString()).contains("id: refunds");
        JsonNode history = admin.get("/api/v1/documents/history?path=" + path).body();
        String releasedHash = hashOf(history, released.get("revision").asLong());
        assertThat(hashOf(history, change.get("documents").get(0).get("revision").asLong())).as("the change holds the section as released")
                .isEqualTo(releasedHash);

        JsonNode mine = find(agent.get("/api/v1/suggestions/mine").body().get("items"), id);
        assertThat(mine.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(mine.get("changeId").asLong()).isEqualTo(changeId);
        assertThat(find(admin.get("/api/v1/suggestions?status=OPEN").body().get("items"), id)).as("no longer open").isNull();

        Http.Reply again = admin.post("/api/v1/suggestions/" + id + "/accept", "");
        Http.Reply decline = admin.post("/api/v1/suggestions/" + id + "/decline", Map.of("reply", "Too late."));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asString()).isEqualTo("suggestion_closed");
        assertThat(again.body().get("currentStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(decline.status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/changes").body().findValuesAsString("title").stream().filter(t -> t.contains("Problem report " + id + " ")))
                .as("one change however often it is accepted").hasSize(1);
    }

    @Test
    void anOwnerDeclinesAReportWithAReplyTheReporterReadsAndABlankReplyIsRefused() {
        Http admin = Http.admin(port);
        long id = agent.post("/api/v1/suggestions", report("faq", "en", "The FAQ should answer duplicate invoices.")).body().get("id").asLong();

        Http.Reply blank = admin.post("/api/v1/suggestions/" + id + "/decline", Map.of("reply", "  "));
        Http.Reply byAnAgent = agent.post("/api/v1/suggestions/" + id + "/decline", Map.of("reply", "No."));
        Http.Reply declined = admin.post("/api/v1/suggestions/" + id + "/decline", Map.of("reply", "Billing answers it in its own section."));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("errors").findValuesAsString("field")).containsExactly("reply");
        assertThat(byAnAgent.status()).isEqualTo(403);
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body().get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.body().get("changeId").isNull()).isTrue();
        JsonNode mine = find(agent.get("/api/v1/suggestions/mine").body().get("items"), id);
        assertThat(mine.get("status").asString()).isEqualTo("DECLINED");
        assertThat(mine.get("reply").asString()).isEqualTo("Billing answers it in its own section.");
        assertThat(suggestions.byReporter(AGENT, 50)).filteredOn(s -> s.id() == id).extracting(Suggestion::reply)
                .containsExactly("Billing answers it in its own section.");
    }

    @Test
    void anUnknownReportIsNotFound() {
        Http.Reply accept = Http.admin(port).post("/api/v1/suggestions/999999/accept", "");
        Http.Reply decline = Http.admin(port).post("/api/v1/suggestions/999999/decline", Map.of("reply", "x"));

        assertThat(accept.status()).isEqualTo(404);
        assertThat(accept.body().get("code").asString()).isEqualTo("suggestion_not_found");
        assertThat(decline.status()).isEqualTo(404);
    }

    private static String hashOf(JsonNode history, long revision) {
        for (JsonNode entry : history) {
            if (entry.get("revision").asLong() == revision) {
                return entry.get("contentHash").asString();
            }
        }
        throw new AssertionError("no revision " + revision + " in " + history);
    }

    private static JsonNode find(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        return null;
    }
}
