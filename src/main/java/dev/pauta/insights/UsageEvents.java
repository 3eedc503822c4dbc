package dev.pauta.insights;

import dev.pauta.guidance.ManualVocabulary;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what agents do with the manual (searches, sections opened, drafts checked) to {@code insight_event}, where the
 * rollup counts and then deletes them. An event that cannot be written is logged and dropped: the agent's search or check
 * has already been answered and must not fail for the sake of a count. Thread-safe.
 */
final class UsageEvents {

    private static final Logger log = LoggerFactory.getLogger(UsageEvents.class);

    /** Longest query kept, as the search endpoint accepts it. */
    static final int MAX_SUBJECT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ManualVocabulary vocabulary;
    private final String defaultLocale;

    UsageEvents(JdbcClient jdbc, Clock clock, ManualVocabulary vocabulary, String defaultLocale) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.vocabulary = vocabulary;
        this.defaultLocale = defaultLocale;
    }

    void searched(String query, String locale, long hits) {
        if (query == null || query.isBlank()) {
            return;
        }
        write("SEARCH", locale, "", clip(query.strip(), MAX_SUBJECT), Math.max(0, hits), null);
    }

    void opened(String sectionId, String locale) {
        Objects.requireNonNull(sectionId, "sectionId");
        write("OPEN", locale, "", clip(sectionId, MAX_SUBJECT), 0, null);
    }

    void checked(String locale, String channel, List<String> phrasesFlagged) {
        List<String> phrases = phrasesFlagged == null ? List.of() : phrasesFlagged.stream().filter(Objects::nonNull)
                .map(p -> clip(p.replace('\n', ' ').replace('\r', ' ').strip(), 200)).filter(p -> !p.isEmpty()).toList();
        write("CHECK", locale, channel == null ? "" : clip(channel, 40), "", phrases.size(), phrases.isEmpty() ? null : phrases.stream()
                .collect(Collectors.joining("\n")));
    }

    private void write(String kind, String locale, String channel, String subject, long hits, String phrases) {
        try {
            int release = vocabulary.release();
            jdbc.sql("insert into insight_event (kind, at, locale, channel, subject, hits, release_number, phrases) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(kind, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                            clip(locale == null || locale.isBlank() ? defaultLocale : locale, 10), channel, subject, hits, release, phrases)
                    .update();
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("A {} event was not counted in the insights: {}", kind, e.getMessage());
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
