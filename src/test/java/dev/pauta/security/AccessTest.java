package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=jdbc:h2:mem:access;DB_CLOSE_DELAY=-1")
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

    /** Every contract endpoint with the least role that may call it; ids that do not exist keep allowed calls harmless. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/guidance", GUIDANCE, "AGENT"),
                Arguments.of("POST", "/api/v1/check", "{\"locale\":\"en\",\"text\":\"hi\"}", "AGENT"),
                Arguments.of("GET", "/api/v1/search?q=refund&locale=en", null, "AGENT"),
                Arguments.of("GET", "/api/v1/sections/values?locale=en", null, "AGENT"),
                Arguments.of("GET", "/api/v1/decisions/no-such-decision", null, "AGENT"),
                Arguments.of("POST", "/api/v1/decisions/no-such-decision/feedback", "{\"action\":\"X\",\"outcome\":\"ACCEPTED\"}", "AGENT"),
                Arguments.of("POST", "/api/v1/changes", "{}", "EDITOR"),
                Arguments.of("GET", "/api/v1/changes/999999", null, "EDITOR"),
                Arguments.of("PUT", "/api/v1/changes/999999/documents?path=manual/en/faq.md", "{\"content\":\"x\",\"baseRevision\":1}", "EDITOR"),
                Arguments.of("DELETE", "/api/v1/changes/999999/documents?path=manual/en/faq.md&baseRevision=1", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/validate", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/impact", "{}", "EDITOR"),
                Arguments.of("GET", "/api/v1/documents?path=manual/en/faq.md", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/documents/history?path=manual/en/faq.md", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases/1", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases/1/diff/1", null, "EDITOR"),
                Arguments.of("GET", "/api/v1/releases/1/export", null, "EDITOR"),
                Arguments.of("POST", "/api/v1/changes/999999/publish", "{}", "PUBLISHER"),
                Arguments.of("POST", "/api/v1/releases/999999/rollback", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/decisions", null, "PUBLISHER"),
                Arguments.of("GET", "/api/v1/decisions/verify", null, "PUBLISHER"),
                Arguments.of("POST", "/api/v1/users", "{}", "ADMIN"),
                Arguments.of("POST", "/api/v1/api-keys", "{}", "ADMIN"),
                Arguments.of("DELETE", "/api/v1/api-keys/no-such-key", null, "ADMIN"),
                Arguments.of("GET", "/api/v1/audit", null, "ADMIN"));
    }

    @ParameterizedTest(name = "{0} {1} needs {3}")
    @MethodSource("endpoints")
    void eachEndpointAdmitsItsRoleAndAboveAndRefusesTheRest(String method, String path, String body, String least) {
        assertThat(new Http(port).request(method, path, body).status()).as("anonymous").isEqualTo(401);
        for (String role : ROLES) {
            Http.Reply reply = new Http(port).as(Http.basic(role.toLowerCase() + "-user", "a-long-password-1")).request(method, path, body);
            if (ROLES.indexOf(role) >= ROLES.indexOf(least)) {
                assertThat(reply.status()).as(role + " may " + method + " " + path).isNotIn(401, 403);
            } else {
                assertThat(reply.status()).as(role + " may not " + method + " " + path).isEqualTo(403);
                assertThat(reply.body().get("code").asString()).isEqualTo("forbidden");
            }
        }
    }

    @Test
    void aWrongPasswordIsAProblemNotAChallenge() {
        Http.Reply reply = new Http(port).as(Http.basic("agent-user", "wrong")).post("/api/v1/guidance", GUIDANCE);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
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
    void aBrowserSessionMustSendTheCsrfTokenToChangeAnything() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=agent-user&password=a-long-password-1&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/guidance")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GUIDANCE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a session without the token is a forged request").isEqualTo(403);

        HttpResponse<String> search = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=refund&locale=en")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).as("reading needs no token").isEqualTo(200);
    }
}
