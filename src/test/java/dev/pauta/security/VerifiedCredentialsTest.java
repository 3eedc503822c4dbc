package dev.pauta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Repeated HTTP Basic calls skip bcrypt through the verified-credentials cache, and the cache never outlives what it
 * stands for: a wrong password is never remembered, and a disable or a password change stops a remembered pair at once.
 */
@ApiTest
class VerifiedCredentialsTest {

    static final String PASSWORD = "a-long-password-1";
    static final String SECTION = "/api/v1/sections/values?locale=en";

    @LocalServerPort
    int port;
    @Autowired
    VerifiedCredentials verified;

    private void createUser(String username) {
        assertThat(Http.admin(port).post("/api/v1/users", Map.of("username", username, "password", PASSWORD, "roles", List.of("AGENT"))).status())
                .isEqualTo(201);
    }

    @Test
    void aVerifiedPairIsRememberedAndAWrongOneIsNot() {
        createUser("cache-vera");
        long before = verified.size();
        assertThat(new Http(port).as(Http.basic("cache-vera", "not-her-password")).get(SECTION).status()).isEqualTo(401);
        assertThat(verified.size()).as("a failure is never remembered").isEqualTo(before);
        assertThat(new Http(port).as(Http.basic("cache-vera", PASSWORD)).get(SECTION).status()).isEqualTo(200);
        assertThat(verified.size()).isEqualTo(before + 1);
        assertThat(new Http(port).as(Http.basic("cache-vera", PASSWORD)).get(SECTION).status()).isEqualTo(200);
        assertThat(verified.size()).as("the same pair is one entry").isEqualTo(before + 1);
        UsernamePasswordAuthenticationToken again = UsernamePasswordAuthenticationToken.unauthenticated("cache-vera", PASSWORD);
        assertThat(((Principal) verified.authenticate(again)).getName()).isEqualTo("cache-vera");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> verified.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cache-vera", PASSWORD + "x"))))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aRememberedPairStopsWorkingTheMomentTheAccountIsDisabledOrThePasswordChanges() {
        createUser("cache-walt");
        createUser("cache-xena");
        assertThat(new Http(port).as(Http.basic("cache-walt", PASSWORD)).get(SECTION).status()).isEqualTo(200);
        assertThat(new Http(port).as(Http.basic("cache-xena", PASSWORD)).get(SECTION).status()).isEqualTo(200);

        assertThat(Http.admin(port).post("/api/v1/users/cache-walt/disable", Map.of()).status()).isEqualTo(200);
        assertThat(new Http(port).as(Http.basic("cache-walt", PASSWORD)).get(SECTION).status()).isEqualTo(401);

        assertThat(Http.admin(port).put("/api/v1/users/cache-xena/password", Map.of("newPassword", "another-long-password-2")).status()).isIn(200, 204);
        assertThat(new Http(port).as(Http.basic("cache-xena", PASSWORD)).get(SECTION).status()).isEqualTo(401);
        assertThat(new Http(port).as(Http.basic("cache-xena", "another-long-password-2")).get(SECTION).status()).isEqualTo(200);
    }
}
