package dev.pauta.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, the pages their role opens, and where the language switch comes back to. */
@ControllerAdvice(basePackageClasses = Layout.class)
class Layout {

    /** A page of the header; shown to a person whose roles reach {@code role}. */
    record Entry(String path, String label, String role) {
    }

    static final List<Entry> PAGES = List.of(new Entry("/agent", "nav.agent", "ROLE_AGENT"), new Entry("/studio", "nav.studio", "ROLE_EDITOR"),
            new Entry("/insights", "nav.insights", "ROLE_PUBLISHER"));

    private final RoleHierarchy roles;

    Layout(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute("person")
    String person(Authentication person) {
        return person == null ? null : person.getName();
    }

    @ModelAttribute("navigation")
    List<Entry> navigation(Authentication person) {
        if (person == null) {
            return List.of();
        }
        Set<String> reached = roles.getReachableGrantedAuthorities(person.getAuthorities()).stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return PAGES.stream().filter(page -> reached.contains(page.role())).toList();
    }

    /** Whether the person may publish and roll back, so the studio shows those actions only to them (the server checks again). */
    @ModelAttribute("canPublish")
    boolean canPublish(Authentication person) {
        return person != null && roles.getReachableGrantedAuthorities(person.getAuthorities()).stream()
                .anyMatch(a -> "ROLE_PUBLISHER".equals(a.getAuthority()));
    }

    /** The page a language change returns to: the current page, never a fragment or a form post. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }
}
