package dev.pauta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. People use HTTP Basic (or the login form), systems send {@code Authorization: Bearer <key>}.
 * Roles nest: ADMIN ⊃ PUBLISHER ⊃ EDITOR ⊃ AGENT. Browser sessions need a CSRF token for every change; calls that
 * carry their own Authorization header do not (no ambient credential to forge: the API never asks a browser for
 * Basic credentials, so none are cached), nor do calls with no session at all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder(@Value("${pauta.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @DependsOnDatabaseInitialization
    Accounts accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, @Value("${PAUTA_ADMIN_PASSWORD:}") String adminPassword) {
        Accounts accounts = new Accounts(jdbc, passwords, clock);
        Optional<String> generated = accounts.bootstrapAdmin(adminPassword);
        generated.ifPresent(password -> {
            String notice = "Pauta created the user 'admin' with the generated password " + password
                    + " (shown this once; set PAUTA_ADMIN_PASSWORD before the first start to choose it)";
            System.out.println(notice);
            log.warn(notice);
        });
        return accounts;
    }

    @Bean
    UserDetailsService users(Accounts accounts) {
        return username -> accounts.credentials(username)
                .map(row -> User.withUsername(username).password(row[0]).roles(Accounts.split(row[1]).toArray(String[]::new)).build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_PUBLISHER
                ROLE_PUBLISHER > ROLE_EDITOR
                ROLE_EDITOR > ROLE_AGENT""");
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, ProblemResponses problems) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error", "/login").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/guidance", "/api/v1/check").hasRole("AGENT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/search", "/api/v1/sections/**").hasRole("AGENT")
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions/*/feedback").hasRole("AGENT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions/verify").hasRole("PUBLISHER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions").hasRole("PUBLISHER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions/*").hasRole("AGENT")
                        .requestMatchers(HttpMethod.POST, "/api/v1/changes/*/publish", "/api/v1/releases/*/rollback").hasRole("PUBLISHER")
                        .requestMatchers("/api/v1/changes/**", "/api/v1/changes", "/api/v1/documents/**", "/api/v1/documents", "/api/v1/releases/**",
                                "/api/v1/releases").hasRole("EDITOR")
                        .requestMatchers("/api/v1/users/**", "/api/v1/users", "/api/v1/api-keys/**", "/api/v1/api-keys", "/api/v1/audit",
                                "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::ridesOnASession))
                .addFilterBefore(new ApiKeyFilter(accounts, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Only a change sent with a session cookie and no credentials of its own can be forged by another site; it must
     * carry the CSRF token. A call with no session is simply unauthenticated (401).
     */
    static boolean ridesOnASession(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
        return !safe && request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
    }

    /** Authenticates {@code Authorization: Bearer <key>} against the stored key hashes, on every request. */
    static final class ApiKeyFilter extends OncePerRequestFilter {
        private final Accounts accounts;
        private final ProblemResponses problems;

        ApiKeyFilter(Accounts accounts, ProblemResponses problems) {
            this.accounts = accounts;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<String[]> key = accounts.authenticateKey(header.substring(7).trim());
            if (key.isEmpty()) {
                problems.write(response, 401, "invalid_api_key", "The API key is unknown or has been revoked.",
                        "ask an administrator for a key (POST /api/v1/api-keys) and send it as 'Authorization: Bearer <key>'");
                return;
            }
            var authentication = UsernamePasswordAuthenticationToken.authenticated("api-key:" + key.get()[0], null,
                    AuthorityUtils.createAuthorityList(Accounts.split(key.get()[1]).stream().map(r -> "ROLE_" + r).toArray(String[]::new)));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
