package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import dev.pauta.Fixture;
import dev.pauta.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApiTest
class GuidanceApiTest {

    static final String CONTRACT_EXAMPLE = """
            {
              "locale": "es",
              "channel": "PHONE",
              "intent": "ORDER_DELAYED",
              "customer": { "id": "C-1042", "type": "DEMANDING", "tier": "GOLD", "specialNeeds": ["ELDERLY"] },
              "order": { "id": "O-77", "delayDays": 6, "value": 120.50, "currency": "EUR" },
              "interaction": {
                "waitMinutes": 19, "transfers": 1, "contactsAboutIssue": 2, "sentiment": -0.4,
                "text": "Es la segunda vez que llamo y mi pedido sigue sin llegar"
              },
              "draft": "Lo siento, eso no nos compete."
            }
            """;

    private final JsonMapper json = Http.JSON;

    @LocalServerPort
    int port;

    Http.Reply post(String path, String body) {
        return Http.admin(port).post(path, body);
    }

    Http.Reply get(String path) {
        return Http.admin(port).get(path);
    }

    @Test
    void theContractExampleGetsEveryDocumentedField() {
        Http.Reply reply = post("/api/v1/guidance", CONTRACT_EXAMPLE);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("decisionId").asString()).isNotBlank();
        assertThat(body.get("release").asInt()).isPositive();
        assertThat(body.get("register").asString()).isEqualTo("usted");
        assertThat(body.get("registerReason").asString()).isNotBlank();
        JsonNode actions = body.get("actions");
        assertThat(actions.size()).isPositive();
        List<Integer> priorities = new ArrayList<>();
        for (JsonNode action : actions) {
            for (String field : List.of("type", "code", "priority", "text", "say", "reason", "rule", "sections", "params")) {
                assertThat(action.has(field)).as("action field %s in %s", field, action).isTrue();
            }
            assertThat(action.get("sections").size()).as("every action cites a section: %s", action).isPositive();
            assertThat(action.get("sections").get(0).get("title").asString()).isNotBlank();
            assertThat(action.get("text").asString()).doesNotContain("{");
            priorities.add(action.get("priority").asInt());
        }
        assertThat(priorities).isSortedAccordingTo((a, b) -> b - a);

        JsonNode coupon = find(actions, "DELAY_COUPON");
        assertThat(coupon).as("a late GOLD order of 6 days gets the delay coupon").isNotNull();
        assertThat(coupon.get("type").asString()).isEqualTo("OFFER");
        assertThat(coupon.get("params").get("percent").asInt()).isEqualTo(Fixture.GOLD_COUPON);
        assertThat(coupon.get("text").asString()).contains(String.valueOf(Fixture.GOLD_COUPON));
        assertThat(coupon.get("sections").findValuesAsString("id")).contains("delay-compensation");

        JsonNode avoid = body.get("avoid");
        assertThat(avoid.size()).isPositive();
        assertThat(avoid.get(0).has("phrase") && avoid.get(0).has("instead") && avoid.get(0).has("section")).isTrue();

        JsonNode sections = body.get("sections");
        assertThat(sections.size()).isPositive();
        for (String field : List.of("id", "title", "kind", "snippet", "score")) {
            assertThat(sections.get(0).has(field)).as("section field %s", field).isTrue();
        }

        JsonNode violation = body.get("violations").get(0);
        String draft = "Lo siento, eso no nos compete.";
        assertThat(draft.substring(violation.get("start").asInt(), violation.get("end").asInt())).isEqualTo("eso no nos compete");
        assertThat(violation.get("phrase").asString()).isEqualTo("eso no nos compete");
        assertThat(violation.get("instead").asString()).isNotBlank();
        assertThat(violation.get("severity").asString()).isEqualTo("ERROR");
        assertThat(violation.get("section").asString()).isEqualTo("forbidden-phrases");

        JsonNode explanation = body.get("explanation");
        assertThat(explanation.get("rulesFired").size()).isPositive();
        assertThat(explanation.has("notApplied")).isTrue();
        assertThat(explanation.get("tookMicros").asLong()).isPositive();
    }

    @Test
    void anElderlyCallerIsAddressedWithUstedAndEachActionSeparatesTheWordsFromTheGuidance() {
        JsonNode body = post("/api/v1/guidance", CONTRACT_EXAMPLE).body();

        assertThat(body.get("register").asString()).isEqualTo("usted");
        assertThat(body.get("registerReason").asString()).isEqualTo("A las personas mayores las tratamos de usted.");
        JsonNode coupon = find(body.get("actions"), "DELAY_COUPON");
        assertThat(coupon.get("say").asString()).isEqualTo("Por la espera, le envío un cupón del " + Fixture.GOLD_COUPON + " % para su próxima compra en " + Fixture.COMPANY + ".");
        assertThat(coupon.get("text").asString()).isEqualTo("Ofrece el cupón del " + Fixture.GOLD_COUPON + " % como disculpa.");
        assertThat(find(body.get("actions"), "TICKET_LOG").get("say").isNull()).as("a note in the record has nothing to say").isTrue();
    }

    @Test
    void theCallersSystemChoosesTheRegisterByItsLevel() {
        String friendly = CONTRACT_EXAMPLE.replace("\"specialNeeds\": [\"ELDERLY\"]", "\"specialNeeds\": []");
        String formal = friendly.replace("\"waitMinutes\": 19,", "\"register\": \"formal\", \"waitMinutes\": 19,");
        String informal = CONTRACT_EXAMPLE.replace("\"waitMinutes\": 19,", "\"register\": \"informal\", \"waitMinutes\": 19,");

        assertThat(post("/api/v1/guidance", friendly).body().get("register").asString()).isEqualTo("tú");
        JsonNode asked = post("/api/v1/guidance", formal).body();
        assertThat(asked.get("register").asString()).isEqualTo("usted");
        assertThat(asked.get("registerReason").asString()).isEqualTo("El sistema del cliente pide el trato de usted.");
        JsonNode elderlyButInformal = post("/api/v1/guidance", informal).body();
        assertThat(elderlyButInformal.get("register").asString()).isEqualTo("tú");
        assertThat(find(elderlyButInformal.get("actions"), "DELAY_APOLOGY").get("say").asString()).contains("tu pedido");
    }

    @Test
    void aRegisterOutsideTheClosedSetIsRefusedNamingTheField() {
        Http.Reply reply = post("/api/v1/guidance", CONTRACT_EXAMPLE.replace("\"waitMinutes\": 19,", "\"register\": \"usted\", \"waitMinutes\": 19,"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo("invalid_request");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("interaction.register");
    }

    @Test
    void aTuWordInTheDraftOfAnUstedDecisionIsAWarningWithTheUstedWord() {
        JsonNode body = post("/api/v1/guidance", CONTRACT_EXAMPLE.replace("Lo siento, eso no nos compete.", "Lo siento, puedes esperar un poco.")).body();

        assertThat(body.get("violations")).singleElement().satisfies(v -> {
            assertThat(v.get("check").asString()).isEqualTo("register");
            assertThat(v.get("phrase").asString()).isEqualTo("puedes");
            assertThat(v.get("instead").asString()).isEqualTo("puede");
            assertThat(v.get("severity").asString()).isEqualTo("WARNING");
        });
    }

    @Test
    void wordsComeFromTheManualInTheRequestLocale() {
        Http.Reply es = post("/api/v1/guidance", CONTRACT_EXAMPLE);
        Http.Reply en = post("/api/v1/guidance", CONTRACT_EXAMPLE.replace("\"locale\": \"es\"", "\"locale\": \"en\""));

        String esText = find(es.body().get("actions"), "DELAY_COUPON").get("text").asString();
        String enText = find(en.body().get("actions"), "DELAY_COUPON").get("text").asString();
        assertThat(esText).isNotEqualTo(enText);
        assertThat(find(en.body().get("actions"), "DELAY_COUPON").get("params").get("percent").asInt()).isEqualTo(Fixture.GOLD_COUPON);
    }

    @Test
    void malformedJsonIsAClearProblem() {
        Http.Reply reply = post("/api/v1/guidance", "{\"locale\": \"es\", \"channel\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo("malformed_json");
        assertThat(reply.body().get("hint").asString()).isNotBlank();
    }

    @Test
    void aMissingIntentIsNamedInTheErrors() {
        Http.Reply reply = post("/api/v1/guidance", "{\"locale\": \"es\", \"channel\": \"PHONE\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo("invalid_request");
        assertThat(reply.body().get("errors").findValuesAsString("field")).containsExactly("intent");
    }

    @Test
    void anUnknownChannelIsAnsweredWithTheKnownOnes() {
        Http.Reply reply = post("/api/v1/guidance", "{\"locale\": \"es\", \"channel\": \"FAX\", \"intent\": \"COMPLAINT\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo("unknown_code");
        assertThat(reply.body().get("field").asString()).isEqualTo("channel");
        List<String> known = new ArrayList<>();
        reply.body().get("known").forEach(n -> known.add(n.asString()));
        assertThat(known).contains("PHONE", "EMAIL", "CHAT", "SOCIAL", "STORE", "WEB");
    }

    @Test
    void anUnknownCustomerTypeIsRefusedNotIgnored() {
        Http.Reply reply = post("/api/v1/guidance", "{\"locale\": \"en\", \"channel\": \"CHAT\", \"intent\": \"COMPLAINT\", \"customer\": {\"type\": \"GRUMPY\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("field").asString()).isEqualTo("customer.type");
    }

    @Test
    void aTwoMegabyteBodyIsRefused() {
        String big = "{\"locale\":\"es\",\"channel\":\"PHONE\",\"intent\":\"OTHER\",\"draft\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        Http.Reply reply = post("/api/v1/guidance", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body().get("code").asString()).isEqualTo("body_too_large");
    }

    @Test
    void searchTextIsNeverParsedAsSyntax() {
        Http.Reply reply = get("/api/v1/search?locale=es&q=" + URLEncoder.encode("title:((\"", StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("total")).isTrue();
        assertThat(reply.body().has("facets")).isTrue();
    }

    @Test
    void searchFindsTheCouponPolicyAndFiltersByKind() {
        Http.Reply reply = get("/api/v1/search?locale=es&kind=policy&q=" + URLEncoder.encode("cupón pedido retrasado", StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("hits").get(0).get("id").asString()).isEqualTo("delay-compensation");
        reply.body().get("hits").forEach(hit -> assertThat(hit.get("kind").asString()).isEqualTo("policy"));
        assertThat(reply.body().get("facets").get("kind").get("policy").asInt()).isEqualTo(reply.body().get("total").asInt());
    }

    @Test
    void aSectionIsServedWithSanitizedHtml() {
        Http.Reply reply = get("/api/v1/sections/delay-compensation?locale=en");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("id").asString()).isEqualTo("delay-compensation");
        assertThat(reply.body().get("markdown").asString()).contains("table: delay-coupons");
        assertThat(reply.body().get("html").asString()).contains("<table>").doesNotContain("<!--").doesNotContain("<script");
        assertThat(reply.body().get("release").asInt()).isPositive();
    }

    @Test
    void aSectionReadAgainWithItsETagIsAnEmpty304UntilTheReleaseChanges() {
        Http.Reply first = get("/api/v1/sections/delay-compensation?locale=en");
        String etag = "\"r" + first.body().get("release").asInt() + "-en-delay-compensation\"";

        Http.Reply again = Http.admin(port)
                .request("GET", "/api/v1/sections/delay-compensation?locale=en", null, null, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        Http.Reply otherLocale = Http.admin(port)
                .request("GET", "/api/v1/sections/delay-compensation?locale=es", null, null, "If-None-Match", etag);
        assertThat(otherLocale.status()).as("another locale is another document").isEqualTo(200);
        Http.Reply stale = Http.admin(port)
                .request("GET", "/api/v1/sections/delay-compensation?locale=en", null, null, "If-None-Match", "\"r0-en-delay-compensation\"");
        assertThat(stale.status()).as("an older release's tag").isEqualTo(200);
    }

    @Test
    void anUnknownSectionIsA404WithTheKnownIds() {
        Http.Reply reply = get("/api/v1/sections/no-such-thing?locale=es");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("code").asString()).isEqualTo("section_not_found");
        assertThat(reply.body().get("known").toString()).contains("delay-compensation");
    }

    @Test
    void checkFlagsAPhraseWrittenInCapitalsAcrossALineBreak() {
        String text = "Hola.\nESO NO\nNOS   COMPETE, lo siento.";
        Http.Reply reply = post("/api/v1/check", json.writeValueAsString(new CheckRequest("es", "CHAT", text, null)));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode phrase = null;
        for (JsonNode v : reply.body().get("violations")) {
            if ("eso no nos compete".equals(v.get("phrase").asString())) {
                phrase = v;
            }
        }
        assertThat(phrase).isNotNull();
        assertThat(text.substring(phrase.get("start").asInt(), phrase.get("end").asInt())).isEqualTo("ESO NO\nNOS   COMPETE");
    }

    @Test
    void aMisspeltSearchGetsASuggestionFacetsAndHitsThatPointAtHeadings() {
        Http.Reply reply = get("/api/v1/search?locale=es&q=reembolzo");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("suggestion").asString()).isEqualTo("reembolso");
        assertThat(reply.body().get("hits").get(0).get("id").asString()).isEqualTo("refunds");
        assertThat(reply.body().get("facets").get("kind").size()).isPositive();
        assertThat(reply.body().get("facets").get("channel").size()).isPositive();

        JsonNode tracking = get("/api/v1/search?locale=en&q=" + URLEncoder.encode("courier tracking", StandardCharsets.UTF_8)).body().get("hits").get(0);
        assertThat(tracking.get("id").asString()).isEqualTo("delay-compensation");
        assertThat(tracking.get("heading").asString()).isNotBlank();
        assertThat(tracking.get("anchor").asString()).matches("[a-z0-9-]+");
        assertThat(tracking.get("snippet").asString()).contains("<mark>");
    }

    private static JsonNode find(JsonNode actions, String code) {
        for (JsonNode action : actions) {
            if (code.equals(action.get("code").asString())) {
                return action;
            }
        }
        return null;
    }
}
