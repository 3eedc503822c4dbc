package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests no client should send, from the container up to the JSON reader: each is a problem+json with a code and a hint, never a 500. */
@ApiTest
class MalformedRequestsTest {

    static final String GUIDANCE = "{\"locale\":\"en\",\"channel\":\"CHAT\",\"intent\":\"ORDER_DELAYED\"%s}";

    @LocalServerPort
    int port;

    private Http.Reply problem(Http.Reply reply, int status, String code) {
        assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("status").asInt()).isEqualTo(status);
        assertThat(reply.body().get("code").asString()).isEqualTo(code);
        assertThat(reply.body().get("hint").asString()).isNotBlank();
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("Exception", "at org.", "java.", "<html");
        return reply;
    }

    @Test
    void aDoubleSlashInThePathIsAProblem() {
        problem(Http.admin(port).get("/api/v1//sections/faq"), 400, "request_rejected");
    }

    @Test
    void anEncodedSlashInThePathIsAProblemNotTomcatsPage() {
        problem(Http.admin(port).get("/api/v1/sections/a%2Fb"), 400, "invalid_path");
    }

    @Test
    void aTwentyThousandCharacterQueryIsAProblemNotTomcatsPage() {
        problem(Http.admin(port).get("/api/v1/search?q=" + "a".repeat(20_000)), 400, "request_too_large");
    }

    @Test
    void anOversizedHeaderIsAProblem() {
        problem(Http.admin(port).request("GET", "/api/v1/search?q=coupon", null, null, "X-Padding", "b".repeat(9_000)), 400, "request_too_large");
    }

    @Test
    void anEmptyParameterNameIsAProblemNotA500() {
        problem(Http.admin(port).get("/api/v1/search?=x"), 400, "invalid_parameters");
    }

    @Test
    void anUnknownApiPathIsRefusedAsAProblem() {
        problem(Http.admin(port).get("/api/v1/nothing-here"), 403, "forbidden");
    }

    @Test
    void anUnknownPathOfTheOpenDocumentIsANotFoundProblem() {
        problem(new Http(port).get("/v3/api-docs/nothing-here"), 404, "not_found");
    }

    @Test
    void aWrongMethodIsAProblemNamingTheRightOne() {
        Http.Reply reply = problem(Http.admin(port).request("DELETE", "/api/v1/guidance", null), 405, "method_not_allowed");
        assertThat(reply.body().get("hint").asString()).contains("POST");
    }

    @Test
    void anUnsupportedMediaTypeIsAProblemNamingTheAcceptedOne() {
        Http.Reply reply = problem(Http.admin(port).postBytes("/api/v1/guidance", "text/plain", "locale=en".getBytes(StandardCharsets.UTF_8)),
                415, "unsupported_media_type");
        assertThat(reply.body().get("hint").asString()).contains("application/json");
    }

    @Test
    void aStringWhereANumberBelongsIsRefusedNamingTheField() {
        Http.Reply reply = problem(Http.admin(port).post("/api/v1/guidance", GUIDANCE.formatted(",\"order\":{\"delayDays\":\"6\"}")), 400, "malformed_json");
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("order.delayDays");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() {
        Http.Reply reply = problem(Http.admin(port).post("/api/v1/guidance", GUIDANCE.formatted(",\"order\":{\"delayDays\":6.7}")), 400, "malformed_json");
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("order.delayDays");
    }

    @Test
    void aBooleanWhereTextBelongsIsRefusedNotTurnedIntoText() {
        Http.Reply reply = problem(Http.admin(port).post("/api/v1/changes", "{\"title\": false}"), 400, "malformed_json");
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(Http.admin(port).get("/api/v1/changes").body().findValuesAsString("title")).doesNotContain("false");
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        Http.Reply reply = problem(Http.admin(port).post("/api/v1/guidance", GUIDANCE.formatted(",\"customer\":{\"tierr\":\"GOLD\"}")), 400, "unknown_field");
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("customer.tierr");
        assertThat(reply.body().get("hint").asString()).contains("tier");
    }

    @Test
    void aRepeatedFieldIsRefused() {
        problem(Http.admin(port).post("/api/v1/changes", "{\"title\":\"a\",\"title\":\"b\"}"), 400, "malformed_json");
    }

    @Test
    void eachInvalidRequestSaysWhatToFixForItsEndpoint() {
        String guidance = problem(Http.admin(port).post("/api/v1/guidance", "{\"locale\":\"en\"}"), 400, "invalid_request").body().get("hint").asString();
        String users = problem(Http.admin(port).post("/api/v1/users", "{\"username\":\"\",\"password\":\"x\",\"roles\":[\"AGENT\"]}"), 400, "invalid_request")
                .body().get("hint").asString();

        assertThat(guidance).contains("channel", "intent");
        assertThat(users).contains("username").doesNotContain("intent");
    }
}
