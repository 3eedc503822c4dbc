package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Fixture;
import dev.pauta.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision log's stored schema over real HTTP against a real H2 that already held two decisions in schema version 1,
 * written by the code before the schema was versioned (src/test/resources/decisions/v1): they are served, take feedback
 * and are replayed like new ones; new decisions are stored in the current version under the schema's own field names;
 * replays read the ledger of the customer key stored with the decision.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:decision-schema;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration,classpath:decisions/v1",
        "pauta.decisions.customer-key=" + DecisionRecordsTest.CUSTOMER_KEY})
class DecisionSchemaTest {

    /** The fixture's decision that offered DELAY_COUPON on the phone, and the later one by email that held it back. */
    static final String V1_OFFERED = "66dbf39f-ab01-43e0-84ca-71f9861c09eb";
    static final String V1_HELD = "605434b2-1367-48ca-8daa-92000702892f";
    static final String V1_CUSTOMER = "C-V1-FIXTURE";
    static final String V1_FROM = "2026-11-25T13:12:12Z";
    static final String V1_TO = "2026-11-25T13:12:13Z";

    static final Set<String> STORED_SITUATION_FIELDS = Set.of("locale", "channel", "intent", "customer", "customer.id", "customer.type",
            "customer.tier", "customer.specialNeeds", "order", "order.id", "order.delayDays", "order.value", "order.currency", "interaction",
            "interaction.waitMinutes", "interaction.transfers", "interaction.contactsAboutIssue", "interaction.sentiment", "interaction.text",
            "interaction.register", "draft");
    static final Set<String> STORED_DECISION_FIELDS = Set.of("register", "registerReason", "actions", "actions[].type", "actions[].code",
            "actions[].priority", "actions[].text", "actions[].say", "actions[].reason", "actions[].rule", "actions[].sections", "actions[].sections[].id", "actions[].sections[].title", "actions[].params",
            "avoid", "avoid[].phrase", "avoid[].instead", "avoid[].section",
            "sections", "sections[].id", "sections[].title", "sections[].kind", "sections[].snippet", "sections[].score",
            "violations", "violations[].start", "violations[].end", "violations[].phrase", "violations[].instead", "violations[].severity",
            "violations[].section", "violations[].check",
            "explanation", "explanation.rulesFired", "explanation.notApplied", "explanation.notApplied[].code", "explanation.notApplied[].why",
            "explanation.tookMicros");

    static final String LATE_BY_EMAIL = """
            {"locale":"en","channel":"EMAIL","intent":"ORDER_DELAYED","customer":{"id":"%s","tier":"GOLD"},"order":{"delayDays":6}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Decisions decisions;

    Http http;

    @BeforeEach
    void connect() {
        http = Http.admin(port);
    }

    static String keyOf(String customerId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(DecisionRecordsTest.CUSTOMER_KEY), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
    }

    String stored(String column, String decisionId) {
        return jdbc.sql("select " + column + " from decision_log where id = ?").param(decisionId).query(String.class).single();
    }

    JsonNode decide(String json) {
        Http.Reply reply = http.post("/api/v1/guidance", json);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    Http.Reply acceptCoupon(String decisionId) {
        return http.post("/api/v1/decisions/" + decisionId + "/feedback", Map.of("action", "DELAY_COUPON", "outcome", "ACCEPTED"));
    }

    /** Every field name of a JSON tree as a path; the keys under {@code params} are a rule's parameters, data rather than schema. */
    static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, prefix + "[]", paths));
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                if (!name.equals("params")) {
                    collect(node.get(name), path, paths);
                }
            }
        }
    }

    /** A change that halves the email response target and moves Gold's coupon three points up. */
    long shorterEmailTargetAndRicherGoldCoupon() {
        long change = http.post("/api/v1/changes", Map.of("title", "Email in half the time, Gold three points more")).body().get("id").asLong();
        // Policy numbers are one policy in two languages: both locales are edited, or the change does not validate.
        for (String locale : new String[] {"es", "en"}) {
            edit(change, "manual/" + locale + "/email-protocol.md", Fixture.EMAIL_HOURS_ROW, "| EMAIL | " + Fixture.EMAIL_HOURS / 2 + " |");
            edit(change, "manual/" + locale + "/delay-compensation.md", Fixture.GOLD_COUPON_ROW, DecisionRecordsTest.richerGold());
        }
        return change;
    }

    private void edit(long change, String path, String from, String to) {
        JsonNode document = http.get("/api/v1/documents?path=" + path).body();
        String content = document.get("content").asString();
        assertThat(content).contains(from);
        Http.Reply saved = http.put("/api/v1/changes/" + change + "/documents?path=" + path,
                Map.of("content", content.replace(from, to), "baseRevision", document.get("revision").asLong()));
        assertThat(saved.status()).isEqualTo(200);
    }

    JsonNode impact(long change, String from, String to) {
        Http.Reply reply = http.post("/api/v1/changes/" + change + "/impact", Map.of("from", from, "to", to, "sample", 100));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    static JsonNode exampleFor(JsonNode impact, String decisionId) {
        for (JsonNode example : impact.get("examples")) {
            if (example.get("decisionId").asString().equals(decisionId)) {
                return example;
            }
        }
        throw new AssertionError("no example for " + decisionId + " in " + impact);
    }

    @Test
    void decisionsLoggedInSchemaVersion1AreServedWholeFromTheirRows() throws Exception {
        Http.Reply reply = http.get("/api/v1/decisions/" + V1_OFFERED);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode logged = reply.body();
        assertThat(logged.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(logged.get("release").asInt()).isEqualTo(1);
        assertThat(logged.get("caller").asString()).isEqualTo("admin");
        JsonNode situation = logged.get("situation");
        assertThat(situation.get("customer").get("id").asString()).isEqualTo("hash:" + keyOf(V1_CUSTOMER));
        assertThat(situation.get("customer").get("specialNeeds").get(0).asString()).isEqualTo("ELDERLY");
        assertThat(situation.get("order").get("value").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(situation.get("draft").asString()).isEqualTo("Calm down, that's not my department.");
        JsonNode decision = logged.get("decision");
        assertThat(decision.get("decisionId").asString()).isEqualTo(V1_OFFERED);
        assertThat(decision.get("actions").findValuesAsString("code")).contains("DELAY_COUPON", "WAIT_APOLOGY", "ACCOMMODATE_ELDERLY")
                .isEqualTo(Http.JSON.readTree(stored("decision", V1_OFFERED)).get("actions").findValuesAsString("code"));
        assertThat(decision.get("violations").findValuesAsString("phrase")).containsExactly("calm down", "that's not my department");

        // The typed read model loses nothing the version 1 rows hold, the copies of the id and release included.
        for (String id : new String[] {V1_OFFERED, V1_HELD}) {
            Decisions.Logged typed = decisions.find(id);
            assertThat(typed.schemaVersion()).isEqualTo(1);
            JsonNode typedSituation = StoredSchemaTest.asJson(typed.situation());
            assertThat(typedSituation.get("interaction").get("register").isNull()).isTrue();
            ((ObjectNode) typedSituation.get("interaction")).remove("register");
            assertThat(typedSituation).isEqualTo(Http.JSON.readTree(stored("situation", id)));
            assertThat(typed.decision().register()).isNull();
            assertThat(StoredSchemaTest.withoutRegister(typed.decision())).isEqualTo(Http.JSON.readTree(stored("decision", id)));
        }
        JsonNode held = http.get("/api/v1/decisions/" + V1_HELD).body();
        assertThat(held.get("decision").get("explanation").get("notApplied").findValuesAsString("code")).containsExactly("DELAY_COUPON");
        assertThat(held.get("situation").get("interaction").get("text").isNull()).isTrue();

        JsonNode page = http.get("/api/v1/decisions?from=" + V1_FROM + "&to=" + V1_TO).body();
        List<String> listed = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("schemaVersion").asInt()).isEqualTo(1);
            listed.add(item.get("decisionId").asString());
        }
        assertThat(listed).containsExactly(V1_HELD, V1_OFFERED);
    }

    @Test
    void anOfferAcceptedOnAVersion1DecisionEntersTheLedgerAndImpactReplaysItsCustomerWithIt() throws Exception {
        Http.Reply accepted = acceptCoupon(V1_OFFERED);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("ledger").asString()).isEqualTo("RECORDED");
        Map<String, Object> entry = jdbc.sql("select customer_key, params from compensation_ledger where decision_id = ?").param(V1_OFFERED)
                .query().singleRow();
        assertThat(entry).containsEntry("CUSTOMER_KEY", keyOf(V1_CUSTOMER)).containsEntry("PARAMS", "{\"percent\":15}");
        JsonNode live = decide(LATE_BY_EMAIL.formatted(V1_CUSTOMER));
        assertThat(live.get("actions").findValuesAsString("code")).doesNotContain("DELAY_COUPON");

        JsonNode impact = impact(shorterEmailTargetAndRicherGoldCoupon(), V1_FROM, V1_TO);

        assertThat(impact.get("replayed").asInt()).isEqualTo(2);
        // Read with the customer's ledger, the phone decision holds the coupon back on both sides, so a richer coupon changes nothing for it.
        assertThat(impact.get("changed").asInt()).isEqualTo(1);
        JsonNode email = exampleFor(impact, V1_HELD);
        assertThat(email.get("before").toString()).contains("EMAIL_STRUCTURE{hours=" + Fixture.EMAIL_HOURS + "}").doesNotContain("DELAY_COUPON");
        assertThat(email.get("after").toString()).contains("EMAIL_STRUCTURE{hours=" + Fixture.EMAIL_HOURS / 2 + "}").doesNotContain("DELAY_COUPON");
        assertThat(email.get("notAppliedBefore").get(0).asString()).isEqualTo("DELAY_COUPON");
        assertThat(email.get("notAppliedAfter").get(0).asString()).isEqualTo("DELAY_COUPON");
        assertThat(impact.get("appeared").has("DELAY_COUPON")).isFalse();
        assertThat(impact.get("disappeared").has("DELAY_COUPON")).isFalse();
    }

    @Test
    void aNewDecisionIsStoredInTheCurrentSchemaVersionUnderTheSchemasFieldNamesAndTheChainSpansBothVersions() {
        String first = decide(LATE_BY_EMAIL.formatted("C-SCHEMA-2")).get("decisionId").asString();
        assertThat(acceptCoupon(first).body().get("ledger").asString()).isEqualTo("RECORDED");
        // A rich situation for a customer whose coupon is in the ledger, so every list in the decision has entries.
        JsonNode answer = decide("""
                {"locale":"en","channel":"PHONE","intent":"ORDER_DELAYED",
                 "customer":{"id":"C-SCHEMA-2","type":"ANGRY","tier":"GOLD","specialNeeds":["ELDERLY"]},
                 "order":{"id":"O-2","delayDays":6,"value":80.00,"currency":"EUR"},
                 "interaction":{"waitMinutes":19,"transfers":1,"contactsAboutIssue":2,"sentiment":-0.6,"text":"Still nothing"},
                 "draft":"Calm down, that's not my department."}""");
        String id = answer.get("decisionId").asString();

        assertThat(jdbc.sql("select schema_version from decision_log where id = ?").param(id).query(Integer.class).single()).isEqualTo(StoredSchema.CURRENT);
        assertThat(jdbc.sql("select chain_version from decision_log where id = ?").param(id).query(Integer.class).single()).isEqualTo(3);
        assertThat(fieldPaths(Http.JSON.readTree(stored("situation", id)))).isEqualTo(new TreeSet<>(STORED_SITUATION_FIELDS));
        JsonNode decision = Http.JSON.readTree(stored("decision", id));
        assertThat(fieldPaths(decision)).isEqualTo(new TreeSet<>(STORED_DECISION_FIELDS));
        assertThat(decision.get("explanation").get("notApplied").findValuesAsString("code")).contains("DELAY_COUPON");
        assertThat(decision.get("violations").size()).isPositive();

        JsonNode logged = http.get("/api/v1/decisions/" + id).body();
        assertThat(logged.get("schemaVersion").asInt()).isEqualTo(StoredSchema.CURRENT);
        assertThat(logged.get("decision").get("decisionId").asString()).isEqualTo(id);
        assertThat(logged.get("decision").get("register").asString()).isEqualTo("formal").isEqualTo(answer.get("register").asString());
        assertThat(logged.get("decision").get("actions").findValuesAsString("code")).isNotEmpty();
        assertThat(logged.get("decision").get("actions").findValues("say").stream().map(JsonNode::toString).toList())
                .isEqualTo(answer.get("actions").findValues("say").stream().map(JsonNode::toString).toList());
        assertThat(logged.get("decision").get("actions").findValuesAsString("code")).isEqualTo(answer.get("actions").findValuesAsString("code"));
        assertThat(logged.get("situation").get("customer").get("id").asString()).startsWith("hash:");

        JsonNode chain = http.get("/api/v1/decisions/verify").body();
        assertThat(chain.get("ok").asBoolean()).isTrue();
        assertThat(chain.get("checked").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void impactReplaysANewDecisionWithTheLedgerOfTheCustomerKeyStoredWithIt() {
        Instant from = Instant.now().minusMillis(1);
        String withCoupon = decide(LATE_BY_EMAIL.formatted("C-REPLAY-LEDGER")).get("decisionId").asString();
        assertThat(acceptCoupon(withCoupon).body().get("ledger").asString()).isEqualTo("RECORDED");
        String without = decide(LATE_BY_EMAIL.formatted("C-REPLAY-NO-LEDGER")).get("decisionId").asString();

        JsonNode impact = impact(shorterEmailTargetAndRicherGoldCoupon(), from.toString(), Instant.now().plusSeconds(60).toString());

        assertThat(impact.get("replayed").asInt()).isEqualTo(2);
        JsonNode held = exampleFor(impact, withCoupon);
        assertThat(held.get("before").toString()).doesNotContain("DELAY_COUPON");
        assertThat(held.get("after").toString()).doesNotContain("DELAY_COUPON");
        assertThat(held.get("notAppliedBefore").get(0).asString()).isEqualTo("DELAY_COUPON");
        assertThat(held.get("notAppliedAfter").get(0).asString()).isEqualTo("DELAY_COUPON");
        JsonNode offered = exampleFor(impact, without);
        assertThat(offered.get("before").toString()).contains("DELAY_COUPON{percent=" + Fixture.GOLD_COUPON + "}");
        assertThat(offered.get("after").toString()).contains("DELAY_COUPON{percent=" + (Fixture.GOLD_COUPON + 3) + "}");
        assertThat(offered.get("notAppliedBefore").size()).isZero();
    }
}
