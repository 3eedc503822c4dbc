package dev.pauta.rules.facts;

/** A compensation the customer accepted before, {@code daysAgo} days ago, from the ledger. */
public final class CompensationEntry {
    private final String code;
    private final int daysAgo;

    public CompensationEntry(String code, int daysAgo) {
        this.code = code;
        this.daysAgo = daysAgo;
    }

    public String getCode() { return code; }
    public int getDaysAgo() { return daysAgo; }
}
