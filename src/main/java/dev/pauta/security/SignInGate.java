package dev.pauta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while its account or client address is locked, before any password or key is checked,
 * so even the right password waits until the lock expires.
 */
final class SignInGate extends OncePerRequestFilter {

    /** How a refused attempt is answered: problem+json for the API, a redirect to the sign-in form for pages. */
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException;
    }

    private final SignInThrottle throttle;
    private final AuthenticationConverter attempts;
    private final Refusal refusal;

    /** {@code attempts} reads what a request presents (null when it presents nothing); it checks nothing. */
    SignInGate(SignInThrottle throttle, AuthenticationConverter attempts, Refusal refusal) {
        this.throttle = throttle;
        this.attempts = attempts;
        this.refusal = refusal;
    }

    /** What a request presents to sign in: the account it names, or null for an API key or an unreadable header. */
    private record Attempt(String account) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Attempt attempt = attempt(request);
        // the socket's address: behind a proxy, set server.forward-headers-strategy so the container rewrites it;
        // X-Forwarded-For is never read here, or any client could name a fresh address for every attempt
        Optional<Duration> wait = attempt == null ? Optional.empty() : throttle.lockedFor(attempt.account(), request.getRemoteAddr());
        if (wait.isPresent()) {
            refusal.refuse(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private Attempt attempt(HttpServletRequest request) {
        try {
            Authentication presented = attempts.convert(request);
            return presented == null ? null : new Attempt(SignInThrottle.account(presented).orElse(null));
        } catch (AuthenticationException unreadable) {
            // still an attempt, held to its address's lock; the authentication filter answers the bad header itself
            return new Attempt(null);
        }
    }
}
