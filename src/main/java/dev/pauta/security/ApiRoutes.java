package dev.pauta.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The least role for each path of the stateless chain, the same for every HTTP method (HEAD and OPTIONS included) except
 * on /api/v1/suggestions, where POST needs less than the rest; a path not listed is refused, so a new endpoint stays closed until it is given a role here. Roles nest through the
 * role hierarchy: ADMIN ⊃ PUBLISHER ⊃ EDITOR ⊃ AGENT.
 */
final class ApiRoutes {

    /** Paths served by the stateless chain: the API, actuator, the OpenAPI document and the container's error page. */
    static final String[] PATHS = {"/api/**", "/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    private ApiRoutes() {
    }

    static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths) {
        paths
                // the error page renders a failure already decided for the original request; asked for directly, /error is refused
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/api/v1/guidance", "/api/v1/check", "/api/v1/search", "/api/v1/sections/*").hasRole("AGENT")
                .requestMatchers("/api/v1/decisions", "/api/v1/decisions/verify").hasRole("PUBLISHER")
                .requestMatchers("/api/v1/decisions/*", "/api/v1/decisions/*/feedback", "/api/v1/decisions/*/outcome").hasRole("AGENT")
                // the one path whose role depends on the method: agents report problems, owners read them (every other method)
                .requestMatchers(HttpMethod.POST, "/api/v1/suggestions").hasRole("AGENT")
                .requestMatchers("/api/v1/suggestions/mine").hasRole("AGENT")
                .requestMatchers("/api/v1/suggestions", "/api/v1/suggestions/*/accept", "/api/v1/suggestions/*/decline").hasRole("PUBLISHER")
                .requestMatchers("/api/v1/insights/actions", "/api/v1/insights/sections", "/api/v1/insights/gaps", "/api/v1/insights/adherence",
                        "/api/v1/insights/indicators", "/api/v1/insights/releases", "/api/v1/insights/stale").hasRole("PUBLISHER")
                .requestMatchers("/api/v1/changes/*/publish", "/api/v1/changes/*/approve", "/api/v1/changes/*/request-changes",
                        "/api/v1/releases/*/rollback").hasRole("PUBLISHER")
                .requestMatchers("/api/v1/changes", "/api/v1/changes/*", "/api/v1/changes/*/documents", "/api/v1/changes/*/validate",
                        "/api/v1/changes/*/impact", "/api/v1/changes/*/import", "/api/v1/changes/*/review-request", "/api/v1/changes/*/rebase",
                        "/api/v1/changes/*/tables", "/api/v1/changes/*/tables/check", "/api/v1/documents", "/api/v1/documents/history",
                        "/api/v1/releases", "/api/v1/releases/*", "/api/v1/releases/*/diff/*", "/api/v1/releases/*/export").hasRole("EDITOR")
                // anyone signed in reaches it; Accounts decides whose: one's own with the current password, anyone's as ADMIN
                .requestMatchers("/api/v1/users/*/password").hasRole("AGENT")
                .requestMatchers("/api/v1/users", "/api/v1/users/*/disable", "/api/v1/users/*/enable", "/api/v1/api-keys", "/api/v1/api-keys/*",
                        "/api/v1/audit", "/actuator", "/actuator/**").hasRole("ADMIN")
                .anyRequest().denyAll();
    }
}
