package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessApiTest {

    static final String PASSWORD = "a-long-password-1";
    static final String ADMIN = Http.basic("admin", Http.ADMIN_PASSWORD);
    static final String PUBLISHER = Http.basic("stateless-publisher", PASSWORD);
    static final String GUIDANCE = "{\"locale\":\"en\",\"channel\":\"CHAT\",\"intent\":\"OTHER\"}";

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @BeforeAll
    void createAPublisher() {
        assertThat(Http.admin(port).post("/api/v1/users", Map.of("username", "stateless-publisher", "password", PASSWORD, "roles", List.of("PUBLISHER")))
                .status()).isEqualTo(201);
    }

    /** The container's own session book: how many sessions it ever created, and how many live now. */
    private Manager sessions() {
        Context app = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        return app.getManager();
    }

    private String newKey(String role) {
        return "Bearer " + Http.admin(port).post("/api/v1/api-keys", Map.of("name", "stateless-" + role, "roles", List.of(role))).body().get("key").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Http.JSON.readTree(response.body());
    }

    @Test
    void basicAndBearerCallsSetNoCookieAndCreateNoSession() {
        String agentKey = newKey("AGENT");
        long created = sessions().getSessionCounter();
        Browser client = new Browser(port);

        List<HttpResponse<String>> answers = List.of(
                client.call("GET", "/api/v1/sections/values?locale=en", ADMIN, null),
                client.call("POST", "/api/v1/guidance", ADMIN, GUIDANCE),
                client.call("POST", "/api/v1/guidance", agentKey, GUIDANCE),
                client.call("GET", "/api/v1/releases", agentKey, null),
                client.call("GET", "/api/v1/releases", null, null),
                client.call("GET", "/api/v1/no-such-endpoint", ADMIN, null),
                client.call("POST", "/api/v1/guidance", ADMIN, "{not json"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 403, 401, 403, 400);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().allValues("Set-Cookie")).isEmpty());
        assertThat(client.cookies.getCookieStore().getCookies()).isEmpty();
        assertThat(sessions().getSessionCounter()).as("sessions created").isEqualTo(created);
    }

    @Test
    void aThousandBasicCallsLeaveTheSessionCountUnchanged() {
        long created = sessions().getSessionCounter();
        int active = sessions().getActiveSessions();
        Http agent = new Http(port).as(PUBLISHER);

        for (int call = 0; call < 1000; call++) {
            assertThat(agent.get("/api/v1/sections/values?locale=en").status()).isEqualTo(200);
        }

        assertThat(sessions().getSessionCounter()).as("sessions created").isEqualTo(created);
        assertThat(sessions().getActiveSessions()).as("sessions live").isEqualTo(active);
    }

    @Test
    void aLivePageSessionCookieDoesNotAuthenticateAnApiCall() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn("stateless-publisher", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/agent").statusCode()).as("the page session is live").isEqualTo(200);

        HttpResponse<String> api = browser.call("GET", "/api/v1/releases", null, null);

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(json(api).get("code").asString()).isEqualTo("unauthenticated");
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void afterAKeyIsRevokedNoCookieTheClientHoldsLetsItRollBackARelease() {
        String key = newKey("PUBLISHER");
        String keyId = key.substring("Bearer ".length(), key.indexOf('.'));
        Browser client = new Browser(port);
        assertThat(client.call("GET", "/api/v1/releases", key, null).statusCode()).isEqualTo(200);
        assertThat(client.call("POST", "/api/v1/guidance", key, GUIDANCE).statusCode()).isEqualTo(200);
        // the same client also holds a real page session, signed in through the form, and that session's CSRF token
        assertThat(client.signIn("stateless-publisher", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(client.cookies.getCookieStore().getCookies()).extracting(java.net.HttpCookie::getName).contains("JSESSIONID");
        String csrf = client.csrfToken();
        int releases = Http.admin(port).get("/api/v1/releases").body().size();

        assertThat(Http.admin(port).delete("/api/v1/api-keys/" + keyId).status()).isEqualTo(204);

        HttpResponse<String> revoked = client.call("GET", "/api/v1/releases", key, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).get("code").asString()).isEqualTo("invalid_api_key");
        assertThat(client.call("GET", "/api/v1/releases", null, null).statusCode()).as("cookies alone").isEqualTo(401);
        assertThat(client.call("POST", "/api/v1/releases/1/rollback", null, null, "X-CSRF-TOKEN", csrf).statusCode())
                .as("cookies and the session's CSRF token").isEqualTo(401);
        assertThat(client.call("POST", "/api/v1/releases/1/rollback", key, null, "X-CSRF-TOKEN", csrf).statusCode())
                .as("the revoked key, cookies and the CSRF token").isEqualTo(401);
        assertThat(Http.admin(port).get("/api/v1/releases").body().size()).as("no release was published").isEqualTo(releases);
        // the session and its token were real: the page side still accepts them
        assertThat(client.get("/agent").statusCode()).isEqualTo(200);
        assertThat(Browser.location(client.postForm("/logout", "_csrf=" + csrf))).endsWith("/login?signedOut");
    }
}
