package dev.pauta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Signing in, the page people land on, and the language switch. */
@Controller
class SessionPages {

    private final LocaleResolver languages;

    SessionPages(LocaleResolver languages) {
        this.languages = languages;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(name = "locked", required = false) String locked, Model model) {
        // only the number of the wait is shown, so a crafted link can add no text to the page
        model.addAttribute("lockedMinutes", locked == null ? null : locked.matches("\\d{1,6}") ? Math.max(1, (Long.parseLong(locked) + 59) / 60) : 0L);
        return "signin";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/agent";
    }

    /** Remembers the language for this person and goes back to the page they were on (a path of this site only). */
    @PostMapping("/language")
    String language(@RequestParam("language") String language, @RequestParam(name = "back", defaultValue = "/") String back,
                    HttpServletRequest request, HttpServletResponse response) {
        if (InterfaceLanguage.LANGUAGES.contains(language)) {
            languages.setLocale(request, response, Locale.forLanguageTag(language));
        }
        return "redirect:" + localPath(back);
    }

    static String localPath(String back) {
        try {
            URI uri = new URI(back);
            boolean local = uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null && uri.getRawPath().startsWith("/")
                    && !uri.getRawPath().startsWith("//") && !back.contains("\\");
            return local ? uri.getRawPath() : "/";
        } catch (java.net.URISyntaxException notAUri) {
            return "/";
        }
    }
}
