package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Fixture;
import dev.pauta.Http;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Decision records over real HTTP against a real H2: the log, masking, feedback and the ledger, the cap where offers are
 * accepted, the hash chain, isolated failures and the configured customer key. One context: its clock gives every
 * instant sub-microsecond nanos just below a millisecond, which the database would round onto the next millisecond, and
 * its record limit is low enough for a draft full of forbidden phrases to exceed it.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:decision-records;DB_CLOSE_DELAY=-1",
        "pauta.decisions.mask.interaction.text=DROP",
        "pauta.decisions.customer-key=" + DecisionRecordsTest.CUSTOMER_KEY,
        "pauta.decisions.max-record-size=" + DecisionRecordsTest.MAX_RECORD_SIZE})
class DecisionRecordsTest {

    static final String CUSTOMER_KEY = "7f3c1a9e5b2d4f6081a3c5e7092b4d6f8a1c3e5f7092b4d6e8f0a2c4e6081a3c";
    static final String MAX_RECORD_SIZE = "128KB";

    static final String LATE_ORDER = """
            {"locale":"en","channel":"PHONE","intent":"ORDER_DELAYED","customer":{"id":"%s","tier":"GOLD"},"order":{"delayDays":6},
             "interaction":{"text":"My parcel is a week late, this is my address: 1 Private Road"}}""";

    /** Instants in the last half microsecond of a millisecond: rounded to microseconds they land on the next millisecond. */
    @TestConfiguration
    static class SubMicrosecondClock {
        @Bean
        @Primary
        Clock subMicrosecondClock() {
            AtomicLong calls = new AtomicLong();
            return new Clock() {
                @Override
                public Instant instant() {
                    return Instant.now().truncatedTo(ChronoUnit.MILLIS).plusNanos(999_500 + calls.incrementAndGet() % 500);
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecisionLog decisionLog;

    @Autowired
    Clock clock;

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

    Http.Reply accept(String decisionId) {
        return http.post("/api/v1/decisions/" + decisionId + "/feedback", Map.of("action", "DELAY_COUPON", "outcome", "ACCEPTED"));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
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
        assertThat(count("select count(*) from compensation_ledger where decision_id = ?", id)).isEqualTo(1);
        assertThat(http.get("/api/v1/decisions/" + id).body().get("feedback").size()).isEqualTo(3);

        JsonNode next = decide("C-TWICE-LATE");
        assertThat(next.get("actions").findValuesAsString("code")).doesNotContain("DELAY_COUPON");
        JsonNode held = next.get("explanation").get("notApplied").get(0);
        assertThat(held.get("code").asString()).isEqualTo("DELAY_COUPON");
        assertThat(held.get("why").asString()).contains(String.valueOf(Fixture.CAP_WINDOW_DAYS));

        assertThat(decide("C-SOMEONE-ELSE").get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
    }

    @Test
    void acceptancesPastTheCapAreRefusedWithTheEntryThatCountsAndWriteNothing() {
        // Three decisions before any acceptance: each offers the coupon, as the probe found.
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode decision = decide("C-CAP-THREE");
            assertThat(decision.get("actions").findValuesAsString("code")).contains("DELAY_COUPON");
            decisions.add(decision.get("decisionId").asString());
        }

        Http.Reply first = accept(decisions.get(0));
        Http.Reply second = accept(decisions.get(1));
        Http.Reply third = accept(decisions.get(2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("ledger").asString()).isEqualTo("RECORDED");
        for (Http.Reply refused : List.of(second, third)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("code").asString()).isEqualTo("compensation_cap_reached");
            assertThat(refused.body().get("hint").asString()).isNotBlank();
            assertThat(refused.body().get("max").asInt()).isEqualTo(Fixture.CAP_PER_WINDOW);
            assertThat(refused.body().get("windowDays").asInt()).isEqualTo(Fixture.CAP_WINDOW_DAYS);
            JsonNode entries = refused.body().get("entries");
            assertThat(entries.size()).isEqualTo(1);
            assertThat(entries.get(0).get("code").asString()).isEqualTo("DELAY_COUPON");
            assertThat(entries.get(0).get("decisionId").asString()).isEqualTo(decisions.get(0));
            assertThat(Instant.parse(entries.get(0).get("acceptedAt").asString())).isEqualTo(jdbc.sql("select accepted_at from compensation_ledger where decision_id = ?")
                    .param(decisions.get(0)).query(OffsetDateTime.class).single().toInstant());
        }
        String key = jdbc.sql("select customer_key from decision_log where id = ?").param(decisions.get(0)).query(String.class).single();
        assertThat(count("select count(*) from compensation_ledger where customer_key = ?", key)).isEqualTo(1);
        assertThat(count("select count(*) from decision_feedback where decision_id in (?, ?)", decisions.get(1), decisions.get(2))).isZero();

        Http.Reply again = accept(decisions.get(0));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("ledger").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(accept(decisions.get(1)).status()).isEqualTo(409);

        JsonNode fourth = decide("C-CAP-THREE");
        assertThat(fourth.get("actions").findValuesAsString("code")).doesNotContain("DELAY_COUPON");
        JsonNode held = fourth.get("explanation").get("notApplied").get(0);
        assertThat(held.get("code").asString()).isEqualTo("DELAY_COUPON");
        // The words of the fixture's COUPON_CAP_REACHED script, with the cap's numbers.
        assertThat(held.get("why").asString()).contains("(" + Fixture.CAP_PER_WINDOW + " every " + Fixture.CAP_WINDOW_DAYS + " days)");
    }

    @Test
    void eightConcurrentAcceptancesForOneCustomerRecordExactlyOne() throws Exception {
        // Several customers, one after another, so a missing lock shows even when one round happens not to interleave.
        for (int round = 0; round < 6; round++) {
            String customer = "C-CAP-RACE-" + round;
            List<String> decisions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                decisions.add(decide(customer).get("decisionId").asString());
            }
            CountDownLatch gate = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Http.Reply> answered = new ArrayList<>();
            try {
                List<Future<Http.Reply>> replies = new ArrayList<>();
                for (String id : decisions) {
                    replies.add(threads.submit(() -> {
                        gate.await();
                        return accept(id);
                    }));
                }
                gate.countDown();
                for (Future<Http.Reply> reply : replies) {
                    answered.add(reply.get());
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(answered).filteredOn(r -> r.status() == 200).hasSize(1)
                    .allSatisfy(r -> assertThat(r.body().get("ledger").asString()).isEqualTo("RECORDED"));
            assertThat(answered).filteredOn(r -> r.status() == 409).hasSize(7)
                    .allSatisfy(r -> assertThat(r.body().get("code").asString()).isEqualTo("compensation_cap_reached"));
            String key = jdbc.sql("select customer_key from decision_log where id = ?").param(decisions.get(0)).query(String.class).single();
            assertThat(count("select count(*) from compensation_ledger where customer_key = ?", key)).isEqualTo(1);
            assertThat(count("select count(*) from decision_feedback f join decision_log d on d.id = f.decision_id where d.customer_key = ?", key))
                    .isEqualTo(1);
        }
    }

    @Test
    void twentyThousandRecordsWithSubMicrosecondTimesVerifyCleanAndEveryChangedRecordIsReported() throws Exception {
        Map<String, Object> logged = jdbc.sql("select situation, decision from decision_log where id = ?").param(decide("C-CHAIN").get("decisionId").asString())
                .query().singleRow();
        String situation = (String) logged.get("SITUATION");
        String decision = (String) logged.get("DECISION");
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> appends = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 20_000; i++) {
                String id = "seed-" + i;
                ids.add(id);
                appends.add(threads.submit(() -> decisionLog.append(new DecisionRecord(id, clock.instant(), 1, "seed", null, "en", "PHONE",
                        "ORDER_DELAYED", StoredSchema.CURRENT, situation, decision, 100))));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select at from decision_log where id = ?").param("seed-0").query(OffsetDateTime.class).single().getNano() % 1000)
                .as("stored to the microsecond").isZero();

        JsonNode clean = http.get("/api/v1/decisions/verify").body();
        assertThat(clean.get("ok").asBoolean()).isTrue();
        assertThat(clean.get("checked").asLong()).isGreaterThanOrEqualTo(20_001);
        assertThat(clean.get("broken").asLong()).isZero();

        String stored = "\"percent\":" + Fixture.GOLD_COUPON;
        String firstChanged = ids.get(4_321);
        String secondChanged = ids.get(17_654);
        try {
            jdbc.sql("update decision_log set decision = replace(decision, ?, '\"percent\":500') where id = ?").params(stored, firstChanged).update();
            JsonNode one = http.get("/api/v1/decisions/verify").body();
            assertThat(one.get("ok").asBoolean()).isFalse();
            assertThat(one.get("broken").asLong()).isEqualTo(1);
            assertThat(one.get("brokenRecords").findValuesAsString("decisionId")).containsExactly(firstChanged);
            assertThat(one.get("brokenRecords").get(0).get("problem").asString()).contains("content");

            jdbc.sql("update decision_log set decision = replace(decision, ?, '\"percent\":500') where id = ?").params(stored, secondChanged).update();
            JsonNode two = http.get("/api/v1/decisions/verify").body();
            assertThat(two.get("ok").asBoolean()).isFalse();
            assertThat(two.get("broken").asLong()).isEqualTo(2);
            assertThat(two.get("brokenRecords").findValuesAsString("decisionId")).containsExactly(firstChanged, secondChanged);
            assertThat(two.get("brokenDecisionId").asString()).isEqualTo(firstChanged);
            assertThat(two.get("checked").asLong()).isEqualTo(clean.get("checked").asLong());
        } finally {
            jdbc.sql("update decision_log set decision = replace(decision, '\"percent\":500', ?) where id in (?, ?)")
                    .params(stored, firstChanged, secondChanged).update();
        }
        assertThat(http.get("/api/v1/decisions/verify").body().get("ok").asBoolean()).isTrue();
    }

    /** A draft of the given length made of nothing but forbidden phrases. */
    static String draftFullOfForbiddenPhrases(int length) {
        String[] phrases = {"calm down", "not my problem", "call back later", "that's not my department", "it's company policy", "back office"};
        StringBuilder draft = new StringBuilder();
        for (int i = 0; draft.length() < length; i++) {
            draft.append(phrases[i % phrases.length]).append(". ");
        }
        return draft.substring(0, length);
    }

    static String withDraft(String customer, String draft) {
        return Http.JSON.writeValueAsString(Map.of("locale", "en", "channel", "EMAIL", "intent", "COMPLAINT", "customer", Map.of("id", customer),
                "draft", draft));
    }

    @Test
    void aDraftFullOfForbiddenPhrasesAmongThirtyNormalRequestsFailsNoneOfThem() throws Exception {
        long before = count("select count(*) from decision_log");
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(31);
        List<Future<Http.Reply>> normal = new ArrayList<>();
        Future<Http.Reply> big;
        try {
            big = threads.submit(() -> {
                gate.await();
                return http.post("/api/v1/guidance", withDraft("C-BIG", draftFullOfForbiddenPhrases(20_000)));
            });
            for (int i = 0; i < 30; i++) {
                String customer = "C-NORMAL-" + i;
                normal.add(threads.submit(() -> {
                    gate.await();
                    return http.post("/api/v1/guidance", LATE_ORDER.formatted(customer));
                }));
            }
            gate.countDown();

            List<String> answered = new ArrayList<>();
            for (Future<Http.Reply> reply : normal) {
                assertThat(reply.get().status()).isEqualTo(200);
                answered.add(reply.get().body().get("decisionId").asString());
            }
            Http.Reply bigReply = big.get();
            assertThat(bigReply.status()).isIn(200, 413, 422);
            if (bigReply.status() == 200) {
                answered.add(bigReply.body().get("decisionId").asString());
            } else {
                assertThat(bigReply.contentType()).startsWith("application/problem+json");
                assertThat(bigReply.body().get("code").asString()).isEqualTo("decision_too_large");
            }

            assertThat(count("select count(*) from decision_log") - before).isEqualTo(answered.size());
            for (String id : answered) {
                assertThat(count("select count(*) from decision_log where id = ?", id)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRecordOverTheLimitIsRefusedWith413BeforeItIsLoggedAndNothingElseIsAffected() {
        long before = count("select count(*) from decision_log");

        Http.Reply reply = http.post("/api/v1/guidance", withDraft("C-TOO-LARGE", draftFullOfForbiddenPhrases(20_000)));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo("decision_too_large");
        assertThat(reply.body().get("hint").asString()).contains("draft");
        assertThat(reply.body().get("size").asLong()).isGreaterThan(reply.body().get("limit").asLong());
        assertThat(reply.body().get("limit").asLong()).isEqualTo(128 * 1024);
        assertThat(count("select count(*) from decision_log") - before).isZero();
        assertThat(http.get("/api/v1/decisions/verify").body().get("ok").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/guidance", withDraft("C-TOO-LARGE", draftFullOfForbiddenPhrases(600))).status()).isEqualTo(200);
        assertThat(count("select count(*) from decision_log") - before).isEqualTo(1);
    }

    @Test
    void withAConfiguredCustomerKeyNoSecretIsStoredAndTheLedgerStillWorks() throws Exception {
        String id = decide("C-KEYED").get("decisionId").asString();

        assertThat(count("select count(*) from app_secret where secret_name = 'customer-key'")).isZero();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(CUSTOMER_KEY), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("C-KEYED".getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("select customer_key from decision_log where id = ?").param(id).query(String.class).single()).isEqualTo(expected);

        assertThat(accept(id).body().get("ledger").asString()).isEqualTo("RECORDED");
        assertThat(count("select count(*) from compensation_ledger where customer_key = ?", expected)).isEqualTo(1);
        assertThat(decide("C-KEYED").get("actions").findValuesAsString("code")).doesNotContain("DELAY_COUPON");
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
        long change = http.post("/api/v1/changes", Map.of("title", "Gold three points richer")).body().get("id").asLong();
        // The coupon table's numbers are one policy in two languages: both are edited, or the change does not validate.
        for (String locale : new String[] {"es", "en"}) {
            String path = "manual/" + locale + "/delay-compensation.md";
            JsonNode document = http.get("/api/v1/documents?path=" + path).body();
            String content = document.get("content").asString().replace(Fixture.GOLD_COUPON_ROW, richerGold());
            assertThat(content).contains(richerGold());
            assertThat(http.put("/api/v1/changes/" + change + "/documents?path=" + path,
                    Map.of("content", content, "baseRevision", document.get("revision").asLong())).status()).isEqualTo(200);
        }

        JsonNode impact = http.post("/api/v1/changes/" + change + "/impact", Map.of("sample", 500)).body();

        assertThat(impact.get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(impact.get("changed").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode example = impact.get("examples").get(0);
        assertThat(example.get("before").toString()).contains("DELAY_COUPON{percent=" + Fixture.GOLD_COUPON + "}");
        assertThat(example.get("after").toString()).contains("DELAY_COUPON{percent=" + (Fixture.GOLD_COUPON + 3) + "}");
        assertThat(http.post("/api/v1/guidance", LATE_ORDER.formatted("C-IMPACT-3")).body().toString()).contains("\"percent\":" + Fixture.GOLD_COUPON);
    }

    /** Gold's coupon row for 6 days late, three points richer than the fixture says. */
    static String richerGold() {
        return Fixture.GOLD_COUPON_ROW.replace("| " + Fixture.GOLD_COUPON + " |", "| " + (Fixture.GOLD_COUPON + 3) + " |");
    }
}
