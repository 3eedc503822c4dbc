package dev.pauta.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How the pages send a person to sign in. A full page is redirected to the form and comes back to the page it asked for;
 * a partial (htmx) request whose session has ended gets 401 with {@code HX-Redirect}, so the browser loads the sign-in page
 * instead of swapping it into a fragment, and the page the person was on restores its form after signing in.
 */
final class PageSignIn {

    /** No inline script or style, nothing from another origin, no framing, forms post only here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final RequestMatcher PARTIAL = request -> request.getHeader("HX-Request") != null;

    private PageSignIn() {
    }

    static AuthenticationEntryPoint entryPoint() {
        LoginUrlAuthenticationEntryPoint form = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, failure) -> {
            if (PARTIAL.matches(request)) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                form.commence(request, response, failure);
            }
        };
    }

    /**
     * A change sent with the CSRF token of a session that has since ended is an expired session, not an attack worth a bare
     * 403: the person is sent to sign in as above. Any other refusal, a change sent with no token among them, is the 403 it is.
     */
    static AccessDeniedHandler accessDenied() {
        AuthenticationEntryPoint signIn = entryPoint();
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            // no session cookie at all, or one for a session that no longer exists (the CSRF check may have started a new one)
            boolean sessionGone = request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid();
            boolean sentToken = request.getHeader("X-CSRF-TOKEN") != null || request.getParameter("_csrf") != null;
            if (denied instanceof CsrfException && sessionGone && sentToken) {
                signIn.commence(request, response, new InsufficientAuthenticationException("the session ended"));
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    /** Only whole pages read with GET are worth coming back to; a fragment or a form post is not a page. */
    static RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !PARTIAL.matches(request));
        return cache;
    }
}
