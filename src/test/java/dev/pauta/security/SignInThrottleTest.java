package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Low limits so a test reaches them quickly; time is moved by hand, so locks expire without waiting. */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:throttle;DB_CLOSE_DELAY=-1",
        "pauta.security.throttle.failures-per-account=5",
        "pauta.security.throttle.failures-per-address=12",
        "pauta.security.throttle.window=5m"})
@Import(SignInThrottleTest.ManualTime.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleTest {

    static final String PASSWORD = "a-long-password-1";
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final List<String> PEOPLE = List.of("ana", "ben", "cai", "dee", "eva", "fay", "gil");

    @TestConfiguration(proxyBeanMethods = false)
    static class ManualTime {
        @Bean
        ManualTicker ticker() {
            return new ManualTicker();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ManualTicker time;

    String agentKey;

    @BeforeAll
    void createPeopleAndAKey() {
        Http admin = Http.admin(port);
        for (String person : PEOPLE) {
            assertThat(admin.post("/api/v1/users", Map.of("username", person, "password", PASSWORD, "roles", List.of("AGENT"))).status()).isEqualTo(201);
        }
        agentKey = "Bearer " + admin.post("/api/v1/api-keys", Map.of("name", "crm", "roles", List.of("AGENT"))).body().get("key").asString();
    }

    @AfterEach
    void letEveryLockExpire() {
        time.advance(WINDOW.plusSeconds(1));
    }

    private Http.Reply basic(String username, String password) {
        return new Http(port).as(Http.basic(username, password)).get("/api/v1/sections/values?locale=en");
    }

    private Http.Reply bearer(String key) {
        return new Http(port).as(key).get("/api/v1/sections/values?locale=en");
    }

    private static void assertThrottled(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, WINDOW.toSeconds());
        assertThat(Http.JSON.readTree(answer.body()).get("code").asString()).isEqualTo("too_many_attempts");
        assertThat(Http.JSON.readTree(answer.body()).get("hint").asString()).contains("Retry-After");
    }

    private HttpResponse<String> basicCall(String username, String password) {
        return new Browser(port).call("GET", "/api/v1/sections/values?locale=en", Http.basic(username, password), null);
    }

    @Test
    void thirtyWrongPasswordsLockTheAccountAndThenTheRightPasswordIsRefusedTooUntilTheLockExpires() {
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            statuses.add(basic("ana", "wrong-password-" + attempt).status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 30)).containsOnly(429);
        HttpResponse<String> right = basicCall("ana", PASSWORD);
        assertThrottled(right);
        assertThat(basic("ben", PASSWORD).status()).as("another account from the same address").isEqualTo(200);

        time.advance(Duration.ofSeconds(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())));
        assertThat(basic("ana", PASSWORD).status()).as("after Retry-After").isEqualTo(200);
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                assertThat(basic("cai", "wrong-password").status()).isEqualTo(401);
            }
            assertThat(basic("cai", PASSWORD).status()).as("four failures, then the right password").isEqualTo(200);
        }
    }

    @Test
    void failuresSpreadOverAccountsLockTheAddressForEveryAccountAndKey() {
        for (String person : List.of("dee", "eva", "fay")) {
            for (int attempt = 0; attempt < 4; attempt++) {
                assertThat(basic(person, "wrong-password").status()).as("below the account limit").isEqualTo(401);
            }
        }

        assertThrottled(basicCall("admin", Http.ADMIN_PASSWORD));
        assertThrottled(basicCall("no-such-user", "anything"));
        assertThrottled(new Browser(port).call("GET", "/api/v1/sections/values?locale=en", agentKey, null));
        assertThat(new Http(port).get("/api/v1/sections/values?locale=en").status()).as("no credentials is no attempt").isEqualTo(401);

        time.advance(WINDOW);
        assertThat(Http.admin(port).get("/api/v1/releases").status()).isEqualTo(200);
    }

    @Test
    void unknownApiKeysCountAgainstTheAddress() {
        for (int attempt = 0; attempt < 12; attempt++) {
            Http.Reply refused = bearer("Bearer key_guess" + attempt + ".secret");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid_api_key");
        }

        assertThrottled(new Browser(port).call("GET", "/api/v1/sections/values?locale=en", agentKey, null));
        assertThrottled(basicCall("ben", PASSWORD));
    }

    @Test
    void theSignInFormIsThrottledWithTheSameCounts() {
        Browser browser = new Browser(port);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(Browser.location(browser.signIn("gil", "wrong-password"))).endsWith("/login?error");
        }

        HttpResponse<String> refused = browser.signIn("gil", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Browser.location(refused)).matches(".*/login\\?locked=\\d+");
        assertThat(browser.get("/login?" + Browser.location(refused).replaceAll(".*\\?", "")).body()).contains("Too many failed sign-ins");
        assertThat(Browser.location(browser.get("/"))).as("not signed in").endsWith("/login");
        assertThat(Browser.location(browser.signIn(" gil ", PASSWORD))).as("the name the form trims").contains("/login?locked=");
        assertThrottled(basicCall("gil", PASSWORD));

        time.advance(WINDOW);
        HttpResponse<String> signedIn = browser.signIn("gil", PASSWORD);
        assertThat(Browser.location(signedIn)).doesNotContain("error").doesNotContain("locked");
        assertThat(browser.get("/agent").statusCode()).isEqualTo(200);
    }
}
