package dev.pauta.rules.facts;

/** The customer: id, type and tier codes ({@code tier} defaults to STANDARD, {@code type} may be null). */
public final class Customer {
    private final String id;
    private final String type;
    private final String tier;

    public Customer(String id, String type, String tier) {
        this.id = id;
        this.type = type;
        this.tier = tier;
    }

    public String getId() { return id; }
    public String getType() { return type; }
    public String getTier() { return tier; }
}
