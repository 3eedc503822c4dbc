package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

    static final List<String> ROLES = List.of("AGENT", "EDITOR", "PUBLISHER", "ADMIN");
    static final String GUIDANCE = "{\"locale\":\"en\",\"channel\":\"CHAT\",\"intent\":\"OTHER\"}";

    @LocalServerPort
    int port;

    @BeforeAll
    void createOnePersonPerRole() {
        Http admin = Http.admin(port);
        for (String role : ROLES) {
            Http.Reply created = admin.post("/api/v1/users", Map.of("username", role.toLowerCase() + "-user", "password", "a-long-password-1", "roles", List.of(role)));
            assertThat(created.status()).isIn(201, 409);
        }
    }

    private static String basic(String role) {
        return Http.basic(role.toLowerCase() + "-user", "a-long-password-1");
    }

    /** Every contract endpoint with the least role that may call it; ids that do not exist keep allowed calls harmless. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/guidance", GUIDANCE, "AGENT"),
                Arguments.of("POST", "/api/v1/check", "{\"locale\":\"en\",\"text\":\"hi\"}", "AGENT"),
                Arguments.of("GET", "/api/v1/search?q=refund&locale=en", null, "AGENT"),
                Arguments.of("GET", "/api/v1/sections/values?locale=en", null, "AGENT"),
                Arguments.of("GET", "/api/v1/decisions/no-such-decision", null, "AGENT"),
                Arguments.of("POST", "/api/v1/decisions/no-such-decision/feedback", "{\"action\":\"X\",\"outcome\":\"ACCEPTED\"}", "AGENT"),
                Arguments.of("POST", "/api/v1/decisions/no-such-decision/outcome", "{}", "AGENT"),
                Arguments.of("PUT", "/api/v1/users/no-such-user/password", "{}", "AGENT"),
                Arguments.of("GET", "/api/v1/suggestions/mine", null, "AGENT"),
                Arguments.of("POST", "/api/v1/changes", "{}", "EDITOR"),
                Arguments.of("GET", "/api/v1/changes/999999", null, "EDITOR"),
                Arguments.of("PUT", "/api/v1/changes/999999/documents?path=manual/en/faq.md", "{\"content\":\"x\",\"baseRevision\":1}", "EDITOR"),
                Arguments.of("DELETE", "/api/v1/changes/999999/documents?path=manual/en/faq.md&baseRevision=1", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/validate", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/impact", "{}", "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/review-request", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/rebase", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/changes/999999/tables?path=manual/en/faq.md&table=scripts", null, "EDITOR"),
                Arguments.of("PUT", "/api/v1/changes/999999/tables?path=manual/en/faq.md&table=scripts", "{\"rows\":[],\"baseRevision\":1}", "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/tables/check", "{\"path\":\"manual/en/faq.md\",\"table\":\"scripts\",\"column\":\"code\",\"value\":\"X\"}",
                        "EDITOR"),
                Arguments.of("GET", "/api/v1/documents?path=manual/en/faq.md", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/documents/history?path=manual/en/faq.md", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases/1", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases/1/diff/1", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases/1/export", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/publish", "{}", "PUBLISHER"),
                Arguments.of("POST", "/api/v1/changes/999999/approve", "{}", "PUBLISHER"),
                Arguments.of("POST", "/api/v1/changes/999999/request-changes", "{\"comment\":\"Say why\"}", "PUBLISHER"),
                Arguments.of("POST", "/api/v1/releases/999999/rollback", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/decisions", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/decisions/verify", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/suggestions", null, "PUBLISHER"),
                Arguments.of("POST", "/api/v1/suggestions/999999/accept", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/actions", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/sections", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/gaps", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/adherence", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/indicators", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/releases", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/insights/stale", null, "PUBLISHER"),
                Arguments.of("POST", "/api/v1/suggestions/999999/decline", "{\"reply\":\"x\"}", "PUBLISHER"),
                Arguments.of("POST", "/api/v1/users", "{}", "ADMIN"),
                Arguments.of("POST", "/api/v1/api-keys", "{}", "ADMIN"),
                Arguments.of("POST", "/api/v1/users/no-such-user/disable", null, "ADMIN"),
                Arguments.of("POST", "/api/v1/users/no-such-user/enable", null, "ADMIN"),
                Arguments.of("POST", "/api/v1/api-keys", "{}", "ADMIN"),
                Arguments.of("DELETE", "/api/v1/api-keys/no-such-key", null, "ADMIN"),
                Arguments.of("GET", "/api/v1/audit", null, "ADMIN"),
                Arguments.of("GET", "/actuator", null, "ADMIN"));
    }

    /** The role rules hold for the endpoint's own method and for HEAD and OPTIONS on the same path. */
    @ParameterizedTest(name = "{0} {1} needs {3}")
    @MethodSource("endpoints")
    void eachEndpointAdmitsItsRoleAndAboveAndRefusesTheRestWhateverTheMethod(String method, String path, String body, String least) {
        for (String verb : List.of(method, "HEAD", "OPTIONS")) {
            String sent = verb.equals(method) ? body : null;
            assertThat(new Http(port).request(verb, path, sent).status()).as("anonymous " + verb).isEqualTo(401);
            for (String role : ROLES) {
                Http.Reply reply = new Http(port).as(basic(role)).request(verb, path, sent);
                if (ROLES.indexOf(role) >= ROLES.indexOf(least)) {
                    assertThat(reply.status()).as(role + " may " + verb + " " + path).isNotIn(401, 403);
                } else {
                    assertThat(reply.status()).as(role + " may not " + verb + " " + path).isEqualTo(403);
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                    if (!verb.equals("HEAD")) {
                        assertThat(reply.body().get("code").asString()).isEqualTo("forbidden");
                    }
                }
            }
        }
    }

    /** The one path whose least role depends on the method: any AGENT reports a problem, the reports themselves are for PUBLISHER. */
    @Test
    void anAgentMayPostAProblemReportButNoOtherMethodOnItsPath() {
        String report = "{\"section\":\"no-such-section\",\"text\":\"x\"}";
        assertThat(new Http(port).post("/api/v1/suggestions", report).status()).as("anonymous").isEqualTo(401);
        for (String role : ROLES) {
            assertThat(new Http(port).as(basic(role)).post("/api/v1/suggestions", report).status()).as(role + " POST").isNotIn(401, 403);
        }
        for (String verb : List.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE")) {
            assertThat(new Http(port).as(basic("AGENT")).request(verb, "/api/v1/suggestions", null).status()).as("AGENT " + verb).isEqualTo(403);
            assertThat(new Http(port).as(basic("PUBLISHER")).request(verb, "/api/v1/suggestions", null).status()).as("PUBLISHER " + verb).isNotIn(401, 403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
    void aPathNoRuleNamesIsRefusedToEveryRole(String method) {
        for (String path : List.of("/api", "/api/v1/no-such-endpoint", "/api/v2/guidance", "/api/v1/decisions/x/y", "/api/v1/changes/1/merge",
                "/api/v1/users/agent-user")) {
            for (String role : List.of("AGENT", "ADMIN")) {
                Http.Reply reply = new Http(port).as(basic(role)).request(method, path, null);
                assertThat(reply.status()).as(role + " " + method + " " + path).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
    }

    /** Spellings a router might read as a PUBLISHER route while a matcher reads them as something an AGENT may call. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/decisions/", "/api/v1/DECISIONS", "/api/v1//decisions", "/api/v1/./decisions", "/api/v1/guidance/../decisions",
            "/api/v1/decisions;x=1", "/api/v1/decisions/verify/", "/api/v1/decisions/%76erify", "/api/v1/decisions/%2e%2e/decisions",
            "/api/v1/releases/1/rollback/"})
    void aPublisherRouteSpelledAnotherWayIsNotOpenToAnAgent(String path) {
        for (String method : List.of("GET", "POST")) {
            Http.Reply reply = new Http(port).as(basic("AGENT")).request(method, path, null);
            assertThat(reply.status()).as(method + " " + path).isIn(400, 403, 404, 405);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(new String(reply.bytes())).doesNotContain("Exception", "java.", "dev.pauta");
        }
    }

    /** Tomcat itself answers these 400 before any filter runs, so the body is the container's, and names no class either. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/decisions%2F", "/api/v1/decisions%2Fverify", "/api/v1/decisions/verify%00"})
    void aPathTheContainerCannotDecodeIsRefusedBeforeAnyRoute(String path) {
        Http.Reply reply = new Http(port).as(basic("AGENT")).get(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(new String(reply.bytes())).doesNotContain("Exception", "java.", "dev.pauta");
    }

    @Test
    void theErrorPageAskedForDirectlyIsRefused() {
        assertThat(new Http(port).get("/error").status()).isEqualTo(401);
        assertThat(new Http(port).as(basic("ADMIN")).get("/error").status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordOrNoneIsAProblemNotAChallenge() {
        Browser client = new Browser(port);
        HttpResponse<String> wrong = client.call("POST", "/api/v1/guidance", Http.basic("agent-user", "wrong"), GUIDANCE);
        HttpResponse<String> none = client.call("POST", "/api/v1/guidance", null, GUIDANCE);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.JSON.readTree(wrong.body()).get("code").asString()).isEqualTo("invalid_credentials");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Http.JSON.readTree(none.body()).get("code").asString()).isEqualTo("unauthenticated");
        assertThat(List.of(wrong, none)).allSatisfy(answer -> assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty());
    }

    @Test
    void anApiKeyRevokedMidRunIsRefusedOnItsNextCall() {
        Http admin = Http.admin(port);
        Http.Reply created = admin.post("/api/v1/api-keys", Map.of("name", "crm", "roles", List.of("AGENT")));
        assertThat(created.status()).isEqualTo(201);
        Http crm = new Http(port).as("Bearer " + created.body().get("key").asString());
        assertThat(crm.post("/api/v1/guidance", GUIDANCE).status()).isEqualTo(200);
        assertThat(crm.get("/api/v1/releases").status()).as("an AGENT key cannot read releases").isEqualTo(403);

        assertThat(admin.delete("/api/v1/api-keys/" + created.body().get("id").asString()).status()).isEqualTo(204);

        Http.Reply refused = crm.post("/api/v1/guidance", GUIDANCE);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("code").asString()).isEqualTo("invalid_api_key");
        assertThat(admin.get("/api/v1/api-keys").body().toString()).doesNotContain(created.body().get("key").asString());
    }

    @Test
    void aPageSessionMustSendTheCsrfTokenToChangeAnything() {
        Browser browser = new Browser(port);
        assertThat(browser.postForm("/login", "username=agent-user&password=a-long-password-1").statusCode())
                .as("signing in without the form's token").isEqualTo(403);
        HttpResponse<String> signedIn = browser.signIn("agent-user", "a-long-password-1");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn)).doesNotContain("error");

        assertThat(browser.postForm("/logout", "").statusCode()).as("a change without the token is a forged request").isEqualTo(403);
        assertThat(browser.get("/agent").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(Browser.location(browser.postForm("/logout", "_csrf=" + browser.csrfToken()))).endsWith("/login?signedOut");
        assertThat(Browser.location(browser.get("/"))).as("signed out").endsWith("/login");
    }

    @Test
    void pagesAreClosedUnlessTheirRoleAllowsThem() {
        Browser browser = new Browser(port);
        assertThat(Browser.location(browser.get("/"))).as("anonymous is sent to sign in").endsWith("/login");
        assertThat(browser.signIn("agent-user", "a-long-password-1").statusCode()).isEqualTo(302);

        assertThat(browser.get("/agent").statusCode()).isEqualTo(200);
        assertThat(browser.get("/studio").statusCode()).as("an AGENT in the studio").isEqualTo(403);
        assertThat(browser.get("/insights").statusCode()).as("an AGENT in insights").isEqualTo(403);
        assertThat(browser.get("/no-such-page").statusCode()).as("a page no rule names").isEqualTo(403);
    }
}
