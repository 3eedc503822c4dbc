package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Fixture;
import dev.pauta.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Policy tables edited as forms over HTTP, on the fixture bundle: only the table's Markdown is written, the columns rules
 * decide by stay equal in both locales, a cell is checked as typed, and a stale save loses nothing.
 */
@ApiTest
class TableFormApiTest {

    static final String COUPONS_ES = "manual/es/delay-compensation.md";
    static final String COUPONS_EN = "manual/en/delay-compensation.md";
    static final String NEEDS_ES = "manual/es/special-groups.md";
    static final String NEEDS_EN = "manual/en/special-groups.md";
    static final int NEW_GOLD_COUPON = 20;

    @LocalServerPort
    int port;
    @Autowired
    Authoring authoring;

    Http http;
    ChangeClient changes;

    @BeforeEach
    void connect() {
        http = Http.admin(port);
        changes = new ChangeClient(http);
    }

    /** The document as the change now holds it, read through the same use case the API publishes. */
    String draft(long change, String path) {
        return authoring.changeBundle(change).documents().get(path);
    }

    JsonNode form(long change, String path, String table) {
        Http.Reply reply = changes.table(change, path, table);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    static JsonNode column(JsonNode form, String key) {
        for (JsonNode column : form.get("columns")) {
            if (column.get("key").asString().equals(key)) {
                return column;
            }
        }
        throw new AssertionError("no column " + key + " in " + form);
    }

    JsonNode coupon(String locale) {
        Http.Reply reply = http.post("/api/v1/guidance", """
                {"locale":"%s","channel":"CHAT","intent":"ORDER_DELAYED","customer":{"tier":"GOLD"},"order":{"delayDays":4}}""".formatted(locale));
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode action : reply.body().get("actions")) {
            if (action.get("code").asString().equals("DELAY_COUPON")) {
                return action;
            }
        }
        throw new AssertionError("no coupon in " + reply.body());
    }

    @Test
    void theCouponTableReadsAsAFormWhoseRuleColumnsAreSharedWithTheOtherLocale() {
        long change = changes.newChange("Read the coupon table");

        JsonNode form = form(change, COUPONS_ES, "delay-coupons");

        assertThat(form.get("revision").asLong()).isEqualTo(changes.current(COUPONS_ES).get("revision").asLong());
        assertThat(form.get("counterparts").get(0).get("path").asString()).isEqualTo(COUPONS_EN);
        assertThat(column(form, "percent").get("label").asString()).isEqualTo("Cupón (%)");
        assertThat(column(form, "percent").get("kind").asString()).isEqualTo("NUMBER");
        assertThat(column(form, "tier").get("kind").asString()).isEqualTo("CODE");
        assertThat(column(form, "tier").get("choices").toString()).contains("GOLD", "VIP");
        assertThat(form.get("shared").toString()).contains("minDays", "maxDays", "tier", "percent");
        assertThat(form.get("rows").get(1).get("cells").get("percent").asString()).isEqualTo(Integer.toString(Fixture.GOLD_COUPON));

        JsonNode needs = form(change, NEEDS_ES, "special-needs");
        assertThat(needs.get("shared").toString()).contains("code", "channel").doesNotContain("label", "say");
        assertThat(column(needs, "say").get("kind").asString()).isEqualTo("TEXT");
    }

    @Test
    void savingTheGoldCouponInTheSpanishFormChangesItInBothLocalesAndNoOtherByte() {
        String es = changes.current(COUPONS_ES).get("content").asString();
        String en = changes.current(COUPONS_EN).get("content").asString();
        String goldRow = "| 3 | 6 | GOLD | " + NEW_GOLD_COUPON + " |";
        assertThat(es).contains(Fixture.GOLD_COUPON_ROW);
        assertThat(en).contains(Fixture.GOLD_COUPON_ROW);
        long change = changes.newChange("Gold coupon " + Fixture.GOLD_COUPON + " to " + NEW_GOLD_COUPON);
        JsonNode form = form(change, COUPONS_ES, "delay-coupons");
        List<Map<String, String>> rows = ChangeClient.rows(form);
        Map<String, String> gold = rows.stream().filter(r -> r.get("tier").equals("GOLD") && r.get("minDays").equals("3")).findFirst().orElseThrow();
        gold.put("percent", Integer.toString(NEW_GOLD_COUPON));

        Http.Reply saved = changes.saveTable(change, COUPONS_ES, "delay-coupons", rows, form.get("revision").asLong());

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().get("documents").findValuesAsString("path")).containsExactly(COUPONS_ES, COUPONS_EN);
        assertThat(draft(change, COUPONS_ES)).isEqualTo(es.replace(Fixture.GOLD_COUPON_ROW, goldRow));
        assertThat(draft(change, COUPONS_EN)).isEqualTo(en.replace(Fixture.GOLD_COUPON_ROW, goldRow));
        assertThat(saved.body().get("form").get("revision").asLong()).isGreaterThan(form.get("revision").asLong());
        assertThat(changes.change(change).get("documents").findValuesAsString("path")).containsExactlyInAnyOrder(COUPONS_ES, COUPONS_EN);

        // the scenarios that pinned the old coupon follow the new policy, as a policy owner's change would make them
        JsonNode scenarios = changes.current("rules/tests/compensation.yaml");
        String expected = scenarios.get("content").asString().replace("percent: " + Fixture.GOLD_COUPON + " }", "percent: " + NEW_GOLD_COUPON + " }");
        assertThat(expected).isNotEqualTo(scenarios.get("content").asString());
        assertThat(changes.put(change, "rules/tests/compensation.yaml", expected, scenarios.get("revision").asLong()).status()).isEqualTo(200);
        Http.Reply validation = http.post("/api/v1/changes/" + change + "/validate", "");
        assertThat(validation.body().get("ok").asBoolean()).as(validation.body().toString()).isTrue();
        int before = http.get("/api/v1/releases").body().get(0).get("number").asInt();
        Http.Reply published = changes.publish(change, "Gold coupon " + NEW_GOLD_COUPON + " %");
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        try {
            assertThat(coupon("es").get("params").get("percent").asInt()).isEqualTo(NEW_GOLD_COUPON);
            assertThat(coupon("en").get("params").get("percent").asInt()).isEqualTo(NEW_GOLD_COUPON);
        } finally {
            assertThat(http.post("/api/v1/releases/" + before + "/rollback", "").status()).isEqualTo(200);
        }
        assertThat(coupon("es").get("params").get("percent").asInt()).isEqualTo(Fixture.GOLD_COUPON);
    }

    @Test
    void rowsMovedAddedOrRemovedInOneLocaleAreMovedAddedOrRemovedInTheOtherWhichKeepsItsWords() {
        long change = changes.newChange("Special needs reordered");
        JsonNode form = form(change, NEEDS_ES, "special-needs");
        List<Map<String, String>> rows = ChangeClient.rows(form);
        assertThat(rows).hasSize(4);
        List<Map<String, String>> edited = new ArrayList<>();
        edited.add(rows.get(3));
        edited.add(rows.get(0));
        edited.add(rows.get(2));
        Map<String, String> phone = new LinkedHashMap<>(rows.get(0));
        phone.put("channel", "PHONE");
        phone.put("say", "Habla despacio y confirma cada paso.");
        edited.add(phone);

        Http.Reply saved = changes.saveTable(change, NEEDS_ES, "special-needs", edited, form.get("revision").asLong());

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        JsonNode english = form(change, NEEDS_EN, "special-needs");
        assertThat(english.get("rows").findValuesAsString("code")).containsExactly("MOBILITY_IMPAIRED", "ELDERLY", "HEARING_IMPAIRED", "ELDERLY");
        assertThat(english.get("rows").findValuesAsString("channel")).containsExactly("ALL", "ALL", "ALL", "PHONE");
        assertThat(english.get("rows").findValuesAsString("say")).containsExactly("Offer a pick-up or a delivery without stairs.",
                "Go at their pace, one step at a time, and check it has been understood.", "Offer to carry on by chat or email without losing their place.",
                "Habla despacio y confirma cada paso.");
        String before = changes.current(NEEDS_EN).get("content").asString();
        String after = draft(change, NEEDS_EN);
        int table = before.indexOf("| --- | --- | --- | --- |");
        assertThat(after.substring(0, table)).isEqualTo(before.substring(0, table));
        assertThat(after.substring(after.indexOf("<!-- table: scripts -->"))).isEqualTo(before.substring(before.indexOf("<!-- table: scripts -->")));
    }

    @Test
    void aCellIsCheckedAsTyped() {
        long change = changes.newChange("Typing in the coupon table");

        JsonNode words = changes.checkCell(change, COUPONS_ES, "delay-coupons", "percent", "veinte").body();
        JsonNode tier = changes.checkCell(change, COUPONS_ES, "delay-coupons", "tier", "PLATINUM").body();
        JsonNode pipe = changes.checkCell(change, COUPONS_ES, "delay-coupons", "percent", "2|0").body();
        JsonNode phrase = changes.checkCell(change, "manual/en/forbidden-phrases.md", "forbidden-phrases", "phrase", "call //back").body();
        JsonNode fine = changes.checkCell(change, COUPONS_ES, "delay-coupons", "percent", "20").body();

        assertThat(words.get("ok").asBoolean()).isFalse();
        assertThat(words.get("problems").get(0).get("message").asString()).contains("'veinte' is not a number");
        assertThat(words.get("problems").get(0).get("hint").asString()).isNotBlank();
        assertThat(tier.get("problems").get(0).get("message").asString()).contains("PLATINUM");
        assertThat(tier.get("problems").get(0).get("hint").asString()).contains("GOLD");
        assertThat(pipe.get("problems").get(0).get("message").asString()).contains("'|'");
        assertThat(phrase.get("problems").get(0).get("message").asString()).contains("empty alternative");
        assertThat(fine.get("ok").asBoolean()).isTrue();
        assertThat(fine.get("problems")).isEmpty();
    }

    @Test
    void aStaleTableSaveIsRefusedAndNothingIsLost() {
        long change = changes.newChange("Two people edit the coupon table");
        JsonNode form = form(change, COUPONS_ES, "delay-coupons");
        List<Map<String, String>> first = ChangeClient.rows(form);
        first.get(0).put("percent", "6");
        List<Map<String, String>> second = ChangeClient.rows(form);
        second.get(0).put("percent", "7");
        Http.Reply firstSave = changes.saveTable(change, COUPONS_ES, "delay-coupons", first, form.get("revision").asLong());
        assertThat(firstSave.status()).isEqualTo(200);
        String es = draft(change, COUPONS_ES);
        String en = draft(change, COUPONS_EN);

        Http.Reply stale = changes.saveTable(change, COUPONS_ES, "delay-coupons", second, form.get("revision").asLong());

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("code").asString()).isEqualTo("stale_revision");
        assertThat(stale.body().get("current").get("content").asString()).isEqualTo(es).contains("| 3 | 6 | STANDARD | 6 |");
        assertThat(stale.body().get("hint").asString()).contains(Long.toString(firstSave.body().get("form").get("revision").asLong()));
        assertThat(draft(change, COUPONS_ES)).isEqualTo(es);
        assertThat(draft(change, COUPONS_EN)).isEqualTo(en).contains("| 3 | 6 | STANDARD | 6 |");
    }

    @Test
    void aSaveThatLeavesOutAColumnOrNamesAnUnknownTableIsAClearProblemAndSavesNothing() {
        long change = changes.newChange("Incomplete rows");
        JsonNode form = form(change, COUPONS_ES, "delay-coupons");
        List<Map<String, String>> rows = ChangeClient.rows(form);
        rows.get(2).remove("percent");

        Http.Reply missing = changes.saveTable(change, COUPONS_ES, "delay-coupons", rows, form.get("revision").asLong());
        Http.Reply unknown = changes.table(change, COUPONS_ES, "no-such-table");
        Http.Reply rule = changes.table(change, "rules/compensation.drl", "delay-coupons");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("rows[2].percent");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asString()).contains("delay-coupons", "coupon-limits");
        assertThat(rule.status()).isEqualTo(400);
        assertThat(changes.change(change).get("documents")).isEmpty();
    }
}
