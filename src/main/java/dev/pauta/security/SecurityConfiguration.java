package dev.pauta.security;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, in two filter chains. The API (with actuator and the OpenAPI document) is stateless: HTTP Basic
 * or {@code Authorization: Bearer <key>} on every call, no session created or read, no CSRF token because there is no
 * ambient credential to forge. Pages sign in with the form and keep a session that needs a CSRF token for every change.
 * Both deny by default and throttle failed sign-ins per account and per client address.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final RequestMatcher FORM_SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    @Bean
    PasswordEncoder passwordEncoder(AccessProperties settings) {
        return new BCryptPasswordEncoder(settings.bcryptStrength());
    }

    @Bean
    SignInThrottle signInThrottle(AccessProperties settings, ObjectProvider<Ticker> ticker) {
        return new SignInThrottle(settings.throttle(), ticker.getIfAvailable(Ticker::systemTicker));
    }

    @Bean
    @DependsOnDatabaseInitialization
    Accounts accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, RoleHierarchy roles, @Value("${PAUTA_ADMIN_PASSWORD:}") String adminPassword) {
        Accounts accounts = new Accounts(jdbc, passwords, clock, roles);
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
                .map(credentials -> new Person(username, credentials.passwordHash(), credentials.roles(), credentials.version()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Checks passwords with bcrypt through the accounts, and remembers a pair that passed for a short while (see VerifiedCredentials). */
    @Bean
    VerifiedCredentials passwordSignIn(UserDetailsService users, PasswordEncoder passwords, Accounts accounts, AccessProperties settings) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        return new VerifiedCredentials(bcrypt, accounts, settings.verified());
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_PUBLISHER
                ROLE_PUBLISHER > ROLE_EDITOR
                ROLE_EDITOR > ROLE_AGENT""");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, SignInThrottle throttle, AuthenticationEventPublisher events, ProblemResponses problems)
            throws Exception {
        ApiKeys keys = new ApiKeys(accounts);
        http.securityMatcher(ApiRoutes.PATHS)
                .authorizeHttpRequests(ApiRoutes::authorize)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stated, not left to the policy's default: the context lives for one request and is never read from a session cookie
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // the gate first (filters at one position keep the order they are added in), then the key, then Basic
                .addFilterBefore(new SignInGate(throttle, new DelegatingAuthenticationConverter(keys, new BasicAuthenticationConverter()),
                        problems::tooManyAttempts), BasicAuthenticationFilter.class)
                .addFilterBefore(keys.filter(events, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, SignInThrottle throttle) throws Exception {
        // trimmed as UsernamePasswordAuthenticationFilter trims it, or " ana" would pass the gate of a locked "ana"
        AuthenticationConverter formAttempt = request -> FORM_SIGN_IN.matches(request)
                ? UsernamePasswordAuthenticationToken.unauthenticated(Objects.toString(request.getParameter("username"), "").trim(), null) : null;
        http.authorizeHttpRequests(paths -> paths
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/agent", "/agent/**").hasRole("AGENT")
                        .requestMatchers("/studio/changes/*/publish", "/studio/changes/*/approve", "/studio/changes/*/request-changes",
                                "/studio/releases/*/rollback").hasRole("PUBLISHER")
                        .requestMatchers("/studio", "/studio/**").hasRole("EDITOR")
                        .requestMatchers("/insights", "/insights/**").hasRole("PUBLISHER")
                        .requestMatchers("/", "/language").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login"))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .requestCache(cache -> cache.requestCache(PageSignIn.requestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(PageSignIn.entryPoint()).accessDeniedHandler(PageSignIn.accessDenied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PageSignIn.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .addFilterAfter(new StaleSessions(accounts), SecurityContextHolderFilter.class)
                // a person gets the form back with the wait spelled out (Post/Redirect/Get), not a JSON 429 in the browser
                .addFilterBefore(new SignInGate(throttle, formAttempt, (request, response, wait) -> response.sendRedirect(
                        request.getContextPath() + "/login?locked=" + ProblemResponses.retryAfterSeconds(wait))), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
