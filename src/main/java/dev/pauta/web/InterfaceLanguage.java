package dev.pauta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the pages, which is also the locale of the manual they show: the one a person chose (kept per user in
 * the database, so it follows them to any browser and node), else the first of theirs the browser asks for that the pages
 * speak, else the service's default locale. Thread-safe.
 */
final class InterfaceLanguage implements LocaleResolver {

    static final List<String> LANGUAGES = List.of("es", "en");
    private static final String CHOSEN = InterfaceLanguage.class.getName() + ".chosen";

    private final JdbcClient jdbc;
    private final Locale fallback;

    InterfaceLanguage(JdbcClient jdbc, String defaultLanguage) {
        this.jdbc = jdbc;
        this.fallback = Locale.forLanguageTag(LANGUAGES.contains(defaultLanguage) ? defaultLanguage : LANGUAGES.get(0));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            return Locale.forLanguageTag(chosen);
        }
        Principal person = request.getUserPrincipal();
        Optional<String> stored = person == null ? Optional.empty() : stored(person.getName());
        if (stored.isPresent()) {
            if (session != null) {
                session.setAttribute(CHOSEN, stored.get());
            }
            return Locale.forLanguageTag(stored.get());
        }
        if (request.getHeader("Accept-Language") == null) {
            // the container would answer with its own locale, which says nothing about the person
            return fallback;
        }
        return Collections.list(request.getLocales()).stream().map(Locale::getLanguage).filter(LANGUAGES::contains).findFirst()
                .map(Locale::forLanguageTag).orElse(fallback);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = locale == null ? fallback.getLanguage() : locale.getLanguage();
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("not a language of the pages: " + language);
        }
        Principal person = request.getUserPrincipal();
        if (person != null) {
            remember(person.getName(), language);
        }
        request.getSession().setAttribute(CHOSEN, language);
    }

    private Optional<String> stored(String username) {
        return jdbc.sql("select language from interface_preference where username = ?").param(username).query(String.class).optional()
                .filter(LANGUAGES::contains);
    }

    private void remember(String username, String language) {
        if (jdbc.sql("update interface_preference set language = ? where username = ?").params(language, username).update() == 0) {
            try {
                jdbc.sql("insert into interface_preference (username, language) values (?, ?)").params(username, language).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("update interface_preference set language = ? where username = ?").params(language, username).update();
            }
        }
    }
}
