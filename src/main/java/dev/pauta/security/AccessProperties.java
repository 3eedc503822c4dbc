package dev.pauta.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings, under {@code pauta.security.*}.
 *
 * @param bcryptStrength cost of password hashing
 * @param throttle       how many failed sign-ins an account and a client address may have before they must wait
 * @param verified       how long a username and password that passed the password check are trusted without it again
 */
@ConfigurationProperties("pauta.security")
record AccessProperties(@DefaultValue("10") int bcryptStrength, @DefaultValue Throttle throttle, @DefaultValue Verified verified) {

    /**
     * Credentials that passed bcrypt, remembered under a keyed hash so repeated HTTP Basic calls skip it; each use still
     * reads the account, so a disabled account or a changed password stops the entry at once, on every node.
     *
     * @param ttl     how long an entry lives after it was verified (0 turns the cache off)
     * @param entries most entries kept
     */
    record Verified(@DefaultValue("2m") Duration ttl, @DefaultValue("10000") long entries) {

        Verified {
            if (ttl.isNegative() || entries < 1) {
                throw new IllegalArgumentException("pauta.security.verified.ttl must not be negative and entries at least 1");
            }
        }
    }

    /**
     * Failed sign-ins (HTTP Basic, the sign-in form, unknown API keys) allowed per window; the failure that reaches a
     * limit locks its account or address for one whole window.
     *
     * @param failuresPerAccount failures one username may have in a window
     * @param failuresPerAddress failures one client address may have in a window, over all usernames and keys
     * @param window             how long failures are remembered, and how long a lock lasts
     * @param tracked            accounts and addresses remembered at most (each), so a flood cannot exhaust memory
     */
    record Throttle(@DefaultValue("5") int failuresPerAccount, @DefaultValue("20") int failuresPerAddress,
                    @DefaultValue("5m") Duration window, @DefaultValue("100000") long tracked) {

        Throttle {
            if (failuresPerAccount < 1 || failuresPerAddress < 1 || tracked < 1) {
                throw new IllegalArgumentException("pauta.security.throttle limits must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("pauta.security.throttle.window must be a positive duration such as 5m");
            }
        }
    }
}
