package dev.pauta.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in (HTTP Basic and the form) that pays bcrypt once per username and password for a short while instead
 * of on every call. A verified pair is remembered under an HMAC with a key made at start and never stored, so the cache
 * holds no password or reusable hash; a failed check is never remembered. Every use reads the account's credentials
 * version, so a disable or a password change ends the entry at once, also when it happened on another node. Thread-safe.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider checked;
    private final Accounts accounts;
    private final Cache<String, Person> verified;
    private final SecretKeySpec key;

    VerifiedCredentials(AuthenticationProvider checked, Accounts accounts, AccessProperties.Verified settings) {
        this.checked = checked;
        this.accounts = accounts;
        this.verified = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.ttl().isZero() ? 0 : settings.entries()).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        Object credentials = attempt.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return checked.authenticate(attempt);
        }
        String pair = mac(username, password);
        Person known = verified.getIfPresent(pair);
        if (known != null) {
            if (accounts.current(known.getUsername(), known.credentialsVersion())) {
                return UsernamePasswordAuthenticationToken.authenticated(known, null, known.getAuthorities());
            }
            verified.invalidate(pair);
        }
        Authentication result = checked.authenticate(attempt);
        if (result != null && result.isAuthenticated() && result.getPrincipal() instanceof Person person) {
            verified.put(pair, person);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Entries held now; for tests and metrics. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private String mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
