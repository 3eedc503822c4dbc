package dev.pauta.security;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts failed sign-ins per account and per client address from Spring Security's authentication events, and says
 * how long a locked account or address must wait. A success clears only its account's count, so one good account
 * cannot reset the count of the address it signs in from. Thread-safe.
 */
final class SignInThrottle {

    private final FailureCounts accounts;
    private final FailureCounts addresses;

    SignInThrottle(AccessProperties.Throttle settings, Ticker ticker) {
        this.accounts = new FailureCounts(settings.failuresPerAccount(), settings.window(), settings.tracked(), ticker);
        this.addresses = new FailureCounts(settings.failuresPerAddress(), settings.window(), settings.tracked(), ticker);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        account(event.getAuthentication()).ifPresent(accounts::fail);
        address(event.getAuthentication()).ifPresent(addresses::fail);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        account(event.getAuthentication()).ifPresent(accounts::clear);
    }

    /** The longer wait of the account (null when the attempt names none) and the address, or empty when neither is locked. */
    Optional<Duration> lockedFor(String account, String address) {
        return Stream.of(Optional.ofNullable(account).flatMap(accounts::lockedFor), Optional.ofNullable(address).flatMap(addresses::lockedFor))
                .flatMap(Optional::stream).max(Duration::compareTo);
    }

    /** The username an attempt names; API keys name no account and count per address only. */
    static Optional<String> account(Authentication attempt) {
        return attempt instanceof UsernamePasswordAuthenticationToken ? Optional.ofNullable(attempt.getName()) : Optional.empty();
    }

    /** The socket's remote address, as the authentication filters recorded it. */
    private static Optional<String> address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? Optional.ofNullable(details.getRemoteAddress()) : Optional.empty();
    }
}
