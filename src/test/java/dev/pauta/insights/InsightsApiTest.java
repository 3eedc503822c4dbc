package dev.pauta.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pauta.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The learning loop over real HTTP on a real H2: outcomes reported for decisions come back as first-contact rate and CSAT
 * per rule and per release (the expected figures worked out by hand below), a problem report travels from an agent to its
 * owner's inbox and into a change, a search that finds nothing shows as a gap, drafts flagged show as adherence, and a
 * section past its review date shows for its owner. Its own context and database, because it publishes releases and counts
 * every decision.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.datasource.url=jdbc:h2:mem:insights;DB_CLOSE_DELAY=-1",
        "pauta.insights.rollup-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsApiTest {

    static final String AGENT = "irene-agent";
    static final String PASSWORD = "a-long-password-1";
    /** Every late order of {@link #outcomesComeBackAsFirstContactRateAndCsatPerRuleAndPerRelease} goes through the store, and nothing else does. */
    static final String LATE_ORDER = "{\"locale\":\"en\",\"channel\":\"STORE\",\"intent\":\"ORDER_DELAYED\",\"customer\":{\"tier\":\"GOLD\"},"
            + "\"order\":{\"delayDays\":6}}";
    static final String COUPON_RULE = "Coupon by days late and tier";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http admin;
    Http agent;

    @BeforeAll
    void people() {
        admin = Http.admin(port);
        assertThat(admin.post("/api/v1/users", Map.of("username", AGENT, "password", PASSWORD, "roles", List.of("AGENT"))).status()).isEqualTo(201);
        agent = new Http(port).as(Http.basic(AGENT, PASSWORD));
    }

    JsonNode decide() {
        Http.Reply reply = agent.post("/api/v1/guidance", LATE_ORDER);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
        return reply.body();
    }

    void outcome(JsonNode decision, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        assertThat(admin.post("/api/v1/decisions/" + decision.get("decisionId").asString() + "/outcome", body).status()).isEqualTo(200);
    }

    void feedback(JsonNode decision, String outcome, String reason, Boolean helpful) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "DELAY_COUPON");
        body.put("outcome", outcome);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (helpful != null) {
            body.put("helpful", helpful);
        }
        assertThat(agent.post("/api/v1/decisions/" + decision.get("decisionId").asString() + "/feedback", body).status()).isEqualTo(200);
    }

    /** Publishes the documents (path to whole content) as one change and returns the new release's number. */
    int publish(String title, Map<String, String> documents) {
        long change = admin.post("/api/v1/changes", Map.of("title", title)).body().get("id").asLong();
        documents.forEach((path, content) -> {
            Http.Reply current = admin.get("/api/v1/documents?path=" + path);
            long base = current.status() == 404 ? 0 : current.body().get("revision").asLong();
            assertThat(admin.put("/api/v1/changes/" + change + "/documents?path=" + path, Map.of("content", content, "baseRevision", base)).status())
                    .isEqualTo(200);
        });
        Http.Reply published = admin.post("/api/v1/changes/" + change + "/publish", Map.of("message", title));
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        return published.body().get("release").asInt();
    }

    static String indicatorsSection(String locale, String title, String fcr, String csat, String level) {
        return """
                ---
                id: service-indicators
                title: %s
                kind: reference
                locale: %s
                channels: [ALL]
                tags: [indicators, targets]
                owner: quality
                reviewBy: 2027-01-31
                ---
                # %s

                <!-- table: service-indicators -->
                | Code `code` | Indicator `label` | Target `target` | Unit `unit` |
                | --- | --- | --- | --- |
                | FIRST_CONTACT_RESOLUTION | %s | 75 | %% |
                | CSAT | %s | 85 | %% |
                | SERVICE_LEVEL | %s | 80 | %% |
                """.formatted(title, locale, title, fcr, csat, level);
    }

    static JsonNode row(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.get(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + items);
    }

    @Test
    void outcomesComeBackAsFirstContactRateAndCsatPerRuleAndPerRelease() {
        // release A: four late orders at the store; the second's outcome is reported twice and only the later report counts
        JsonNode d1 = decide();
        JsonNode d2 = decide();
        JsonNode d3 = decide();
        JsonNode d4 = decide();
        int releaseA = d1.get("release").asInt();
        outcome(d1, "resolved", true, "firstContact", true, "csat", 5, "handleSeconds", 300);
        outcome(d2, "firstContact", true, "csat", 5);
        outcome(d2, "resolved", false, "firstContact", false, "csat", 3);
        outcome(d3, "firstContact", true, "csat", 4);
        feedback(d1, "REJECTED", "DOES_NOT_APPLY", null);
        feedback(d2, "ACCEPTED", null, true);
        feedback(d3, "REJECTED", "WRONG_FACTS", null);
        feedback(d3, "ACCEPTED", null, null);
        // release B adds the manual's service indicators; two more late orders under it
        int releaseB = publish("Service indicators", Map.of(
                "manual/en/service-indicators.md", indicatorsSection("en", "Service indicators", "First contact resolution (minimum)",
                        "Customer satisfaction (minimum)", "Service level (minimum)"),
                "manual/es/service-indicators.md", indicatorsSection("es", "Indicadores del servicio", "Resolución en el primer contacto (mínimo)",
                        "Satisfacción del cliente (mínimo)", "Nivel de servicio (mínimo)")));
        JsonNode e1 = decide();
        JsonNode e2 = decide();
        assertThat(e1.get("release").asInt()).isEqualTo(releaseB).isGreaterThan(releaseA);
        outcome(e1, "firstContact", true, "csat", 2);
        outcome(e2, "firstContact", true, "csat", 4, "contactsAboutIssue", 2);
        assertThat(d4.get("decisionId").asString()).as("a decision nobody reported on still counts as shown").isNotBlank();

        JsonNode coupon = row(admin.get("/api/v1/insights/actions?channel=STORE&intent=ORDER_DELAYED").body().get("items"), "code", "DELAY_COUPON");

        // by hand, over d1..d4 and e1, e2: six shown; five outcomes, first contact in d1, d3, e1, e2 (4 of 5 = 80 %); CSAT 5, 3, 4, 2, 4:
        // mean 18 / 5 = 3.6, satisfied (4 or 5) 3 of 5 = 60 %; resolved reported by d1 (yes) and d2 (no): 50 %
        assertThat(coupon.get("rule").asString()).isEqualTo(COUPON_RULE);
        assertThat(coupon.get("shown").asLong()).isEqualTo(6);
        assertThat(coupon.get("used").asLong()).as("d2, and d3 whose later feedback replaced its rejection").isEqualTo(2);
        assertThat(coupon.get("notRight").asLong()).isEqualTo(1);
        assertThat(coupon.get("notRightByReason").get("DOES_NOT_APPLY").asLong()).isEqualTo(1);
        assertThat(coupon.get("notRightByReason").has("WRONG_FACTS")).as("replaced by a later acceptance").isFalse();
        assertThat(coupon.get("helpful").asLong()).isEqualTo(1);
        JsonNode followed = coupon.get("followed");
        assertThat(followed.get("outcomes").asLong()).isEqualTo(5);
        assertThat(followed.get("firstContactPercent").asDouble()).isCloseTo(80.0, within(0.001));
        assertThat(followed.get("csatMean").asDouble()).isCloseTo(3.6, within(0.001));
        assertThat(followed.get("satisfiedPercent").asDouble()).isCloseTo(60.0, within(0.001));
        assertThat(followed.get("resolvedPercent").asDouble()).isCloseTo(50.0, within(0.001));

        // per release: A has d1..d4 with three outcomes, first contact 2 of 3, CSAT 5, 3, 4 (mean 4, satisfied 2 of 3);
        // B has e1, e2: first contact 2 of 2, CSAT 2, 4 (mean 3, satisfied 1 of 2), one repeat contact out of one reported
        JsonNode releases = admin.get("/api/v1/insights/releases?channel=STORE").body();
        assertThat(releases.get("items").findValuesAsString("release")).containsExactly(String.valueOf(releaseA), String.valueOf(releaseB));
        JsonNode a = releases.get("items").get(0);
        JsonNode b = releases.get("items").get(1);
        assertThat(a.get("decisions").asLong()).isEqualTo(4);
        assertThat(a.get("outcomes").asLong()).isEqualTo(3);
        assertThat(a.get("measures").get("firstContactPercent").asDouble()).isCloseTo(66.7, within(0.001));
        assertThat(a.get("measures").get("csatMean").asDouble()).isCloseTo(4.0, within(0.001));
        assertThat(a.get("measures").get("satisfiedPercent").asDouble()).isCloseTo(66.7, within(0.001));
        assertThat(b.get("decisions").asLong()).isEqualTo(2);
        assertThat(b.get("measures").get("firstContactPercent").asDouble()).isCloseTo(100.0, within(0.001));
        assertThat(b.get("measures").get("csatMean").asDouble()).isCloseTo(3.0, within(0.001));
        assertThat(b.get("measures").get("satisfiedPercent").asDouble()).isCloseTo(50.0, within(0.001));
        assertThat(b.get("measures").get("repeatContactPercent").asDouble()).isCloseTo(100.0, within(0.001));
        assertThat(a.get("tooFew").asBoolean()).as("3 outcomes, under %d", releases.get("tooFewBelow").asInt()).isTrue();
        assertThat(b.get("tooFew").asBoolean()).isTrue();

        // the rule per release, with the release filter
        JsonNode couponInA = row(admin.get("/api/v1/insights/actions?channel=STORE&release=" + releaseA).body().get("items"), "code", "DELAY_COUPON");
        assertThat(couponInA.get("shown").asLong()).isEqualTo(4);
        assertThat(couponInA.get("followed").get("firstContactPercent").asDouble()).isCloseTo(66.7, within(0.001));

        // the manual's indicators, now in release B, against its targets: first contact 80 % >= 75; CSAT 60 % < 85; service level not measured here
        JsonNode indicators = admin.get("/api/v1/insights/indicators?channel=STORE&locale=en").body().get("indicators");
        JsonNode fcr = row(indicators, "code", "FIRST_CONTACT_RESOLUTION");
        assertThat(fcr.get("value").asDouble()).isCloseTo(80.0, within(0.001));
        assertThat(fcr.get("basedOn").asLong()).isEqualTo(5);
        assertThat(fcr.get("target").asDouble()).isEqualTo(75.0);
        assertThat(fcr.get("meetsTarget").asBoolean()).isTrue();
        assertThat(fcr.get("label").asString()).isEqualTo("First contact resolution (minimum)");
        JsonNode csat = row(indicators, "code", "CSAT");
        assertThat(csat.get("value").asDouble()).isCloseTo(60.0, within(0.001));
        assertThat(csat.get("meetsTarget").asBoolean()).isFalse();
        JsonNode level = row(indicators, "code", "SERVICE_LEVEL");
        assertThat(level.get("measured").asBoolean()).isFalse();
        assertThat(level.get("value").isNull()).isTrue();

        // incremental: the rollup has counted the whole log once, and reading again counts nothing twice
        long lastSeq = jdbc.sql("select max(seq) from decision_log").query(Long.class).single();
        assertThat(jdbc.sql("select last_seq from insight_watermark").query(Long.class).single()).isEqualTo(lastSeq);
        assertThat(jdbc.sql("select count(*) from insight_pending").query(Long.class).single()).isZero();
        JsonNode again = row(admin.get("/api/v1/insights/actions?channel=STORE&intent=ORDER_DELAYED").body().get("items"), "code", "DELAY_COUPON");
        assertThat(again).isEqualTo(coupon);
    }

    @Test
    void aProblemReportReachesItsOwnersInboxIsAcceptedIntoAChangeAndTheReporterSeesIt() {
        String owner = row(admin.get("/api/v1/insights/sections?locale=es").body().get("items"), "id", "refunds").get("owner").asString();
        Map<String, Object> report = Map.of("section", "refunds", "locale", "es", "text", "No dice qué hacer con una tarjeta regalo caducada.");
        long id = agent.post("/api/v1/suggestions", report).body().get("id").asLong();
        long openBefore = row(admin.get("/api/v1/insights/sections?locale=es").body().get("items"), "id", "refunds").get("openReports").asLong();

        JsonNode inbox = admin.get("/api/v1/suggestions?owner=" + owner + "&status=OPEN").body().get("items");
        Http.Reply accepted = admin.post("/api/v1/suggestions/" + id + "/accept", "");

        assertThat(owner).isEqualTo("finanzas");
        assertThat(inbox.findValuesAsString("text")).contains("No dice qué hacer con una tarjeta regalo caducada.");
        assertThat(openBefore).isGreaterThanOrEqualTo(1);
        assertThat(accepted.status()).isEqualTo(200);
        long change = accepted.body().get("changeId").asLong();
        JsonNode documents = admin.get("/api/v1/changes/" + change).body().get("documents");
        assertThat(documents.findValuesAsString("path")).containsExactly("manual/es/refunds.md");
        JsonNode mine = row(agent.get("/api/v1/suggestions/mine").body().get("items"), "text", "No dice qué hacer con una tarjeta regalo caducada.");
        assertThat(mine.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(mine.get("changeId").asLong()).isEqualTo(change);
        assertThat(row(admin.get("/api/v1/insights/sections?locale=es").body().get("items"), "id", "refunds").get("openReports").asLong())
                .isEqualTo(openBefore - 1);
    }

    @Test
    void aSearchThatFindsNothingShowsAsAGapGroupedByItsTerms() {
        for (String query : List.of("zzqx wvvk", "Wvvk ZZQX?")) {
            Http.Reply searched = agent.get("/api/v1/search?locale=en&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(searched.body().get("total").asLong()).as(query).isZero();
        }
        assertThat(agent.get("/api/v1/search?locale=en&q=refund").body().get("total").asLong()).isPositive();

        JsonNode gaps = admin.get("/api/v1/insights/gaps?locale=en").body();

        JsonNode gap = row(gaps.get("items"), "terms", "wvvk zzqx");
        assertThat(gap.get("source").asString()).isEqualTo("SEARCH");
        assertThat(gap.get("occurrences").asLong()).isEqualTo(2);
        assertThat(gap.get("lastSeen").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        List<String> examples = new ArrayList<>();
        gap.get("examples").forEach(e -> examples.add(e.asString()));
        assertThat(examples).isNotEmpty().isSubsetOf("zzqx wvvk", "Wvvk ZZQX?");
        assertThat(gaps.get("searches").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(gaps.get("unanswered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(gaps.get("items").findValuesAsString("terms")).doesNotContain("refund");
        assertThat(admin.get("/api/v1/insights/gaps?locale=es").body().get("items").findValuesAsString("terms")).doesNotContain("wvvk zzqx");
    }

    @Test
    void draftsFlaggedShowAsAdherenceByPhraseChannelAndWeek() {
        for (String text : List.of("Lo siento, eso no nos compete.", "Eso no nos compete, cálmese.", "Gracias por su paciencia.")) {
            assertThat(agent.post("/api/v1/check", Map.of("locale", "es", "channel", "CHAT", "text", text)).status()).isEqualTo(200);
        }

        JsonNode adherence = admin.get("/api/v1/insights/adherence?locale=es&channel=CHAT").body();

        String week = InsightQueries.week(LocalDate.now(ZoneOffset.UTC));
        List<String> phrases = new ArrayList<>();
        for (JsonNode p : adherence.get("phrases")) {
            assertThat(p.get("week").asString()).isEqualTo(week);
            assertThat(p.get("channel").asString()).isEqualTo("CHAT");
            phrases.add(p.get("phrase").asString() + "=" + p.get("violations").asLong());
        }
        assertThat(phrases).containsExactlyInAnyOrder("eso no nos compete=2", "cálmese=1");
        JsonNode checks = adherence.get("checks").get(0);
        assertThat(checks.get("checks").asLong()).isEqualTo(3);
        assertThat(checks.get("flagged").asLong()).isEqualTo(2);
        assertThat(adherence.get("ignoredFilters").size()).isZero();
    }

    @Test
    void aSectionPastItsReviewDateShowsForItsOwnerUntilAChangeMarksItReviewed() {
        String path = "manual/en/faq.md";
        String content = admin.get("/api/v1/documents?path=" + path).body().get("content").asString();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        publish("FAQ review date passed", Map.of(path, content.replaceFirst("reviewBy: .*", "reviewBy: " + yesterday)));

        JsonNode stale = admin.get("/api/v1/insights/stale?owner=support").body().get("items");
        JsonNode faq = row(stale, "section", "faq");
        String metrics = new String(new Http(port).get("/actuator/prometheus").bytes());

        assertThat(faq.get("locale").asString()).isEqualTo("en");
        assertThat(faq.get("owner").asString()).isEqualTo("support");
        assertThat(faq.get("reviewBy").asString()).isEqualTo(yesterday.toString());
        assertThat(faq.get("daysOverdue").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/insights/stale?owner=finance").body().get("items").findValuesAsString("section")).doesNotContain("faq");
        assertThat(row(admin.get("/api/v1/insights/sections?locale=en").body().get("items"), "id", "faq").get("overdue").asBoolean()).isTrue();
        assertThat(metrics).containsPattern("pauta_sections_review_overdue(\\{[^}]*\\})? [1-9]");

        publish("FAQ reviewed", Map.of(path, content.replaceFirst("reviewBy: .*", "reviewBy: " + yesterday.plusYears(1))));

        assertThat(admin.get("/api/v1/insights/stale?owner=support").body().get("items").findValuesAsString("section")).doesNotContain("faq");
    }

    @Test
    void aSectionOpenedAndCitedIsCounted() {
        long before = row(admin.get("/api/v1/insights/sections?locale=en").body().get("items"), "id", "long-wait").get("opened").asLong();
        agent.get("/api/v1/sections/long-wait?locale=en");
        agent.get("/api/v1/sections/long-wait?locale=en");

        JsonNode longWait = row(admin.get("/api/v1/insights/sections?locale=en").body().get("items"), "id", "long-wait");

        assertThat(longWait.get("opened").asLong()).isEqualTo(before + 2);
        assertThat(longWait.get("owner").asString()).isNotBlank();
    }

    @Test
    void aFilterThatCannotBeAppliedIsAProblemNamingTheParameter() {
        Http.Reply backwards = admin.get("/api/v1/insights/actions?from=2026-11-20&to=2026-11-01");
        Http.Reply channel = admin.get("/api/v1/insights/releases?channel=FAX");
        Http.Reply release = admin.get("/api/v1/insights/indicators?release=9999");
        Http.Reply date = admin.get("/api/v1/insights/gaps?from=2026-13-01");
        Http.Reply byAnAgent = agent.get("/api/v1/insights/actions");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("code").asString()).isEqualTo("invalid_request");
        assertThat(backwards.body().get("errors").findValuesAsString("field")).containsExactly("from");
        assertThat(channel.status()).isEqualTo(400);
        assertThat(channel.body().get("code").asString()).isEqualTo("unknown_code");
        assertThat(channel.body().get("known").toString()).contains("STORE");
        assertThat(release.status()).isEqualTo(400);
        assertThat(release.body().get("errors").findValuesAsString("field")).containsExactly("release");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body().get("errors").findValuesAsString("field")).containsExactly("from");
        assertThat(byAnAgent.status()).isEqualTo(403);
        JsonNode ignored = admin.get("/api/v1/insights/gaps?channel=CHAT").body().get("ignoredFilters");
        assertThat(ignored.size()).isEqualTo(1);
        assertThat(ignored.get(0).asString()).isEqualTo("channel");
    }
}
