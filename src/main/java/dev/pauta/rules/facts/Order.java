package dev.pauta.rules.facts;

/** The order the contact is about; present only when the request names one. */
public final class Order {
    private final String id;
    private final int delayDays;
    private final double value;
    private final String currency;

    public Order(String id, int delayDays, double value, String currency) {
        this.id = id;
        this.delayDays = delayDays;
        this.value = value;
        this.currency = currency;
    }

    public String getId() { return id; }
    public int getDelayDays() { return delayDays; }
    public double getValue() { return value; }
    public String getCurrency() { return currency; }
}
