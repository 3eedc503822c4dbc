package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class AccountLifecycleTest {

    static final String PASSWORD = "a-long-password-1";
    static final String NEW_PASSWORD = "a-new-long-password-2";
    static final String SECTION = "/api/v1/sections/values?locale=en";

    @LocalServerPort
    int port;

    private Http admin() {
        return Http.admin(port);
    }

    private Http as(String username, String password) {
        return new Http(port).as(Http.basic(username, password));
    }

    private void createUser(String username, String role) {
        assertThat(admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD, "roles", List.of(role))).status()).isEqualTo(201);
    }

    private static String key(Http.Reply created) {
        assertThat(created.status()).isEqualTo(201);
        return "Bearer " + created.body().get("key").asString();
    }

    @Test
    void disablingAUserStopsTheirBasicCallsTheirPageSessionAndTheKeysTheyCreatedUntilEnabled() {
        createUser("ops-lead", "ADMIN");
        Http opsLead = as("ops-lead", PASSWORD);
        String agentKey = key(opsLead.post("/api/v1/api-keys", Map.of("name", "ivr", "roles", List.of("AGENT"))));
        String adminKey = key(opsLead.post("/api/v1/api-keys", Map.of("name", "provisioning", "roles", List.of("ADMIN"))));
        String keyOfAKey = key(new Http(port).as(adminKey).post("/api/v1/api-keys", Map.of("name", "chatbot", "roles", List.of("AGENT"))));
        Browser browser = new Browser(port);
        assertThat(browser.signIn("ops-lead", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/agent").statusCode()).isEqualTo(200);

        Http.Reply disabled = admin().request("POST", "/api/v1/users/ops-lead/disable", null);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
        assertThat(opsLead.get(SECTION).status()).as("Basic").isEqualTo(401);
        for (String key : List.of(agentKey, adminKey, keyOfAKey)) {
            Http.Reply refused = new Http(port).as(key).get(SECTION);
            assertThat(refused.status()).as("a key ops-lead is accountable for").isEqualTo(401);
            assertThat(refused.body().get("code").asString()).isEqualTo("invalid_api_key");
        }
        assertThat(Browser.location(browser.get("/"))).as("the page session stops on its next request").endsWith("/login");
        assertThat(Browser.location(browser.signIn("ops-lead", PASSWORD))).as("form sign-in").endsWith("/login?error");

        assertThat(admin().request("POST", "/api/v1/users/ops-lead/enable", null).body().get("enabled").asBoolean()).isTrue();

        assertThat(opsLead.get(SECTION).status()).isEqualTo(200);
        for (String key : List.of(agentKey, adminKey, keyOfAKey)) {
            assertThat(new Http(port).as(key).get(SECTION).status()).isEqualTo(200);
        }
        assertThat(Browser.location(browser.signIn("ops-lead", PASSWORD))).doesNotContain("error");
        assertThat(browser.get("/agent").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionFromBeforeTheDisableStaysEndedAfterTheEnable() {
        createUser("night-shift", "AGENT");
        Browser browser = new Browser(port);
        assertThat(browser.signIn("night-shift", PASSWORD).statusCode()).isEqualTo(302);

        admin().request("POST", "/api/v1/users/night-shift/disable", null);
        admin().request("POST", "/api/v1/users/night-shift/enable", null);

        assertThat(Browser.location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        Http.Reply refused = admin().request("POST", "/api/v1/users/admin/disable", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asString()).isEqualTo("cannot_disable_self");
        assertThat(refused.body().get("hint").asString()).contains("another administrator");
        assertThat(admin().get("/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserCannotBeDisabledEnabledOrReset() {
        for (Http.Reply reply : List.of(admin().request("POST", "/api/v1/users/nobody-here/disable", null),
                admin().request("POST", "/api/v1/users/nobody-here/enable", null),
                admin().put("/api/v1/users/nobody-here/password", Map.of("newPassword", NEW_PASSWORD)))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("code").asString()).isEqualTo("user_not_found");
        }
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndEndsTheUsersSessions() {
        createUser("rosa", "AGENT");
        Http rosa = as("rosa", PASSWORD);
        Browser browser = new Browser(port);
        assertThat(browser.signIn("rosa", PASSWORD).statusCode()).isEqualTo(302);

        Http.Reply wrong = rosa.put("/api/v1/users/rosa/password", Map.of("currentPassword", "not-my-password", "newPassword", NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body().get("code").asString()).isEqualTo("wrong_current_password");
        Http.Reply missing = rosa.put("/api/v1/users/rosa/password", Map.of("newPassword", NEW_PASSWORD));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        Http.Reply tooShort = rosa.put("/api/v1/users/rosa/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(browser.get("/agent").statusCode()).as("nothing changed yet").isEqualTo(200);

        assertThat(rosa.put("/api/v1/users/rosa/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);

        assertThat(rosa.get(SECTION).status()).as("the old password").isEqualTo(401);
        assertThat(as("rosa", NEW_PASSWORD).get(SECTION).status()).as("the new password").isEqualTo(200);
        assertThat(Browser.location(browser.get("/"))).as("the session signed in with the old password").endsWith("/login");
    }

    @Test
    void nobodyButAnAdministratorSetsAnotherUsersPassword() {
        createUser("tom", "PUBLISHER");
        createUser("una", "AGENT");
        Http tom = as("tom", PASSWORD);

        for (String target : List.of("una", "admin", "nobody-here")) {
            Http.Reply refused = tom.put("/api/v1/users/" + target + "/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
            assertThat(refused.status()).as(target).isEqualTo(403);
            assertThat(refused.body().get("code").asString()).isEqualTo("forbidden");
        }
        String agentKey = key(admin().post("/api/v1/api-keys", Map.of("name", "crm", "roles", List.of("AGENT"))));
        assertThat(new Http(port).as(agentKey).put("/api/v1/users/una/password", Map.of("newPassword", NEW_PASSWORD)).status())
                .as("a key is nobody's own account").isEqualTo(403);
        assertThat(as("una", PASSWORD).get(SECTION).status()).as("una's password is unchanged").isEqualTo(200);
    }

    @Test
    void anAdministratorResetsAPasswordWithoutTheCurrentOne() {
        createUser("vera", "EDITOR");

        assertThat(admin().put("/api/v1/users/vera/password", Map.of("newPassword", NEW_PASSWORD)).status()).isEqualTo(204);

        assertThat(as("vera", PASSWORD).get(SECTION).status()).isEqualTo(401);
        assertThat(as("vera", NEW_PASSWORD).get(SECTION).status()).isEqualTo(200);
    }
}
