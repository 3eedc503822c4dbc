package dev.pauta.insights;

import java.util.List;

/**
 * What the manual learns from: the API and the pages report here what agents search, open and get flagged in their
 * drafts, and owners read the insights rolled up from those events, the decision log, feedback, outcomes and problem
 * reports. Recording never fails the agent's request it comes from. Thread-safe.
 */
public class Insights {

    private final UsageEvents events;

    Insights(UsageEvents events) {
        this.events = events;
    }

    /**
     * A search of the manual and how many sections it found; a search that found none is a knowledge gap. A blank query
     * (listing every section) is not counted. {@code locale} null or blank is the default one; {@code caller} says who
     * searched, which the insights do not keep: they count searches, not people.
     */
    public void searched(String query, String locale, long hits, String caller) {
        events.searched(query, locale, hits);
    }

    /** A section opened to be read, in the release being served; {@code caller} is not kept. */
    public void opened(String sectionId, String locale, String caller) {
        events.opened(sectionId, locale);
    }

    /**
     * A draft checked for a channel (null for none) and what was flagged in it: for a phrase of the phrase tables, the
     * phrase as the table writes it; for a channel check, the check's code ({@code shouting}, {@code greeting},
     * {@code closing}, {@code maxChars}), never the draft's own words. An empty list is a clean draft, counted too.
     */
    public void checked(String locale, String channel, List<String> phrasesFlagged) {
        events.checked(locale, channel, phrasesFlagged);
    }
}
