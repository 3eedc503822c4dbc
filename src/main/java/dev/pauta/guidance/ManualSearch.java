package dev.pauta.guidance;

import dev.pauta.search.SearchQuery;
import dev.pauta.search.SearchResult;

/**
 * Searches the current release's manual in one locale as an agent types a query: misspellings corrected, facets counted,
 * matches highlighted, the words searched and never parsed as syntax. Thread-safe.
 */
public final class ManualSearch {

    /**
     * What to look for. A null or blank locale is the default one; a null or blank kind or channel means any.
     *
     * @param limit at most this many hits, from 1 to {@value #MAX_LIMIT}
     */
    public record Query(String text, String locale, String kind, String channel, int limit) {

        public static final int MAX_LIMIT = 100;
        public static final int MAX_TEXT = 500;

        public Query {
            text = text == null ? "" : text;
            locale = blankToNull(locale);
            kind = blankToNull(kind);
            channel = blankToNull(channel);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
            }
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("a query holds at most " + MAX_TEXT + " characters");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    private final SnapshotHolder holder;
    private final String defaultLocale;

    ManualSearch(SnapshotHolder holder, String defaultLocale) {
        this.holder = holder;
        this.defaultLocale = defaultLocale;
    }

    /**
     * Hits best first, with facet counts and the corrected query when words were misspelt.
     *
     * @throws UnknownCodeException when the release has no such locale, or the query names a kind or channel it does not define
     */
    public SearchResult search(Query query) {
        Snapshot snapshot = holder.current();
        String locale = KnownCodes.locale(snapshot, query.locale(), defaultLocale);
        if (query.kind() != null) {
            KnownCodes.kind(query.kind());
        }
        if (query.channel() != null) {
            KnownCodes.channel(snapshot, locale, query.channel());
        }
        return snapshot.indexes().get(locale).search(new SearchQuery(query.text(), locale, query.kind(), query.channel(), query.limit()));
    }
}
