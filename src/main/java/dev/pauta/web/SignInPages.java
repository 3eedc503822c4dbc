package dev.pauta.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The browser sign-in form (with its CSRF token) and the page people land on once signed in. */
@Controller
class SignInPages {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        String locked = request.getParameter("locked");
        return page("Sign in to Pauta", (failed ? "<p role=\"alert\">Wrong username or password.</p>" : "") + (locked == null ? "" : lockedNotice(locked))
                + "<form method=\"post\" action=\"/login\">"
                + "<label>Username <input name=\"username\" autocomplete=\"username\" required></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
                + "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName()) + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">"
                + "<button type=\"submit\">Sign in</button></form>");
    }

    /** The wait comes in the redirect from a refused sign-in; only its number is shown, so a crafted link can add no text. */
    private static String lockedNotice(String seconds) {
        long minutes = seconds.matches("\\d{1,6}") ? Math.max(1, (Long.parseLong(seconds) + 59) / 60) : 0;
        String wait = minutes == 0 ? "a few minutes" : minutes == 1 ? "about 1 minute" : "about " + minutes + " minutes";
        return "<p role=\"alert\">Too many failed sign-ins for this account or from this address. Every attempt, even with the right password, "
                + "is refused for " + wait + "; then try again, or ask an administrator to reset the password.</p>";
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home(Principal principal) {
        return page("Pauta", "<p>Signed in as " + HtmlUtils.htmlEscape(principal.getName()) + ".</p>"
                + "<p>The API is described at <a href=\"/swagger-ui.html\">/swagger-ui.html</a>.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
    }
}
