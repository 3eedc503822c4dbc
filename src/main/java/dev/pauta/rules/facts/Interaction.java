package dev.pauta.rules.facts;

import java.text.Normalizer;
import java.util.Locale;

/** How the contact is going: waits, transfers, repeat contacts, sentiment (-1..1) and the customer's words. */
public final class Interaction {
    private final int waitMinutes;
    private final int transfers;
    private final int contactsAboutIssue;
    private final double sentiment;
    private final String text;
    private final String folded;

    public Interaction(int waitMinutes, int transfers, int contactsAboutIssue, double sentiment, String text) {
        this.waitMinutes = waitMinutes;
        this.transfers = transfers;
        this.contactsAboutIssue = contactsAboutIssue;
        this.sentiment = sentiment;
        this.text = text == null ? "" : text;
        this.folded = " " + fold(this.text) + " ";
    }

    public int getWaitMinutes() { return waitMinutes; }
    public int getTransfers() { return transfers; }
    public int getContactsAboutIssue() { return contactsAboutIssue; }
    public double getSentiment() { return sentiment; }
    public String getText() { return text; }

    /** Whether the customer's words hold this word or phrase, ignoring case, accents and punctuation. */
    public boolean mentions(String phrase) {
        String wanted = fold(phrase);
        return !wanted.isBlank() && folded.contains(" " + wanted + " ");
    }

    static String fold(String value) {
        String stripped = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
