package dev.pauta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session on its next request once its account is disabled or its password changed since sign-in. The
 * account is read from the database on every session request rather than sessions being hunted down when the account
 * changes: that holds for every node sharing the database and after a restart, and costs one primary-key lookup.
 */
final class StaleSessions extends OncePerRequestFilter {

    private final Accounts accounts;
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    StaleSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof Person person && !accounts.current(person.getUsername(), person.credentialsVersion())) {
            // invalidates the session and clears the context: the request goes on as anonymous and is sent to sign in
            signOut.logout(request, response, signedIn);
        }
        chain.doFilter(request, response);
    }
}
