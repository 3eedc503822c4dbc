package dev.pauta.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * {@code Authorization: Bearer <key>}: read from the request, checked against the stored key hashes (and the owner's
 * account) on every request, through a ProviderManager so an unknown key is published as a failure like any other.
 */
final class ApiKeys implements AuthenticationConverter, AuthenticationProvider {

    private static final String BEARER = "Bearer ";

    private final Accounts accounts;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    ApiKeys(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A presented key before it is checked, or an accepted one naming its key id, with its roles. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {
        private final String principal;
        private transient String presented;

        private KeyAuthentication(String principal, String presented, Collection<? extends GrantedAuthority> authorities, boolean accepted) {
            super(authorities);
            this.principal = principal;
            this.presented = presented;
            setAuthenticated(accepted);
        }

        static KeyAuthentication presented(String key) {
            return new KeyAuthentication("api-key", key, List.of(), false);
        }

        static KeyAuthentication accepted(Accounts.KeyGrant grant) {
            return new KeyAuthentication("api-key:" + grant.id(), null,
                    AuthorityUtils.createAuthorityList(grant.roles().stream().map(role -> "ROLE_" + role).toList()), true);
        }

        @Override
        public Object getCredentials() {
            return presented;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public void eraseCredentials() {
            presented = null;
            super.eraseCredentials();
        }
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        KeyAuthentication attempt = KeyAuthentication.presented(header.substring(BEARER.length()).trim());
        attempt.setDetails(details.buildDetails(request));
        return attempt;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Accounts.KeyGrant grant = accounts.authenticateKey((String) attempt.getCredentials())
                .orElseThrow(() -> new BadCredentialsException("unknown, revoked or disabled API key"));
        KeyAuthentication accepted = KeyAuthentication.accepted(grant);
        accepted.setDetails(attempt.getDetails());
        return accepted;
    }

    @Override
    public boolean supports(Class<?> type) {
        return KeyAuthentication.class.isAssignableFrom(type);
    }

    /** The filter for the API chain: continues the chain on success, answers 401 {@code invalid_api_key} on failure. */
    AuthenticationFilter filter(AuthenticationEventPublisher events, ProblemResponses problems) {
        ProviderManager manager = new ProviderManager(this);
        manager.setAuthenticationEventPublisher(events);
        AuthenticationFilter filter = new AuthenticationFilter(manager, this);
        // nothing to answer on success: the handler's default then carries the request on down the chain
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler((request, response, failure) -> problems.invalidApiKey(request, response));
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        return filter;
    }
}
