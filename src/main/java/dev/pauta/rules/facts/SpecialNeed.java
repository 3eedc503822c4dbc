package dev.pauta.rules.facts;

/** One special need of the customer, by code; one fact per need. */
public final class SpecialNeed {
    private final String code;

    public SpecialNeed(String code) {
        this.code = code;
    }

    public String getCode() { return code; }
}
