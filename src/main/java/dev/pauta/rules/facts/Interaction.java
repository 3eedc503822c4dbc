package dev.pauta.rules.facts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pauta.manual.PhrasePattern;
import java.util.List;

/** How the contact is going: waits, transfers, repeat contacts, sentiment (-1..1) and the customer's words. */
public final class Interaction {
    /** Keyword patterns come from policy tables, a bounded set; compiling one costs more than matching it. */
    private static final Cache<String, PhrasePattern> PATTERNS = Caffeine.newBuilder().maximumSize(10_000).build();

    private final int waitMinutes;
    private final int transfers;
    private final int contactsAboutIssue;
    private final double sentiment;
    private final String text;
    private final List<PhrasePattern.Word> words;

    public Interaction(int waitMinutes, int transfers, int contactsAboutIssue, double sentiment, String text) {
        this.waitMinutes = waitMinutes;
        this.transfers = transfers;
        this.contactsAboutIssue = contactsAboutIssue;
        this.sentiment = sentiment;
        this.text = text == null ? "" : text;
        this.words = PhrasePattern.words(this.text);
    }

    public int getWaitMinutes() { return waitMinutes; }
    public int getTransfers() { return transfers; }
    public int getContactsAboutIssue() { return contactsAboutIssue; }
    public double getSentiment() { return sentiment; }
    public String getText() { return text; }

    /** Whether the customer's words hold this phrase, in the manual's phrase syntax ("abogad*", "sue you/them"). */
    @Accessor
    public boolean mentions(String phrase) {
        return !mentioned(phrase).isEmpty();
    }

    /** The customer's own words that match the phrase, as written, or "" when they do not mention it. */
    @Accessor
    public String mentioned(String phrase) {
        PhrasePattern pattern = PATTERNS.get(phrase, PhrasePattern::compile);
        for (int i = 0; i < words.size(); i++) {
            int end = pattern.matchAt(words, i, 0);
            if (end >= 0) {
                return text.substring(words.get(i).start(), words.get(end).end());
            }
        }
        return "";
    }
}
