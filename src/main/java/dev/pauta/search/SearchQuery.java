package dev.pauta.search;

/**
 * A search; {@code kind} and {@code channel} may be null for "any". An agent's search uses everything; guidance,
 * which searches with the customer's words on every decision, asks for hits only: no typo correction, no facet
 * counts, no synonym expansion (the intent's keywords serve), and the section's opening lines as snippet instead of
 * highlighted passages.
 */
public record SearchQuery(String text, String locale, String kind, String channel, int limit, boolean correctTypos, boolean facets, boolean highlight) {

    /** A search as an agent types it. */
    public SearchQuery(String text, String locale, String kind, String channel, int limit) {
        this(text, locale, kind, channel, limit, true, true, true);
    }

    /** The sections to read for a situation, found with the customer's words. */
    public static SearchQuery forGuidance(String text, String locale, String channel, int limit) {
        return new SearchQuery(text, locale, null, channel, limit, false, false, false);
    }
}
