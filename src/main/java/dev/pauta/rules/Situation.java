package dev.pauta.rules;

import java.math.BigDecimal;
import java.util.List;

/** What an agent or a system describes: the contact, who the customer is, the order and how the interaction is going. */
public record Situation(
        String locale,
        String channel,
        String intent,
        Customer customer,
        Order order,
        Interaction interaction,
        String draft) {

    public Situation {
        customer = customer == null ? Customer.UNKNOWN : customer;
        interaction = interaction == null ? Interaction.NONE : interaction;
    }

    public record Customer(String id, String type, String tier, List<String> specialNeeds) {
        public static final Customer UNKNOWN = new Customer(null, null, null, List.of());

        public Customer {
            specialNeeds = specialNeeds == null ? List.of() : List.copyOf(specialNeeds);
        }
    }

    public record Order(String id, Integer delayDays, BigDecimal value, String currency) {
    }

    /**
     * How the contact is going. {@code register} is the level of address the caller's system asks for, {@code formal} or
     * {@code informal} (null when it asks none); the manual's register rules decide whether and how it counts.
     */
    public record Interaction(Integer waitMinutes, Integer transfers, Integer contactsAboutIssue, Double sentiment, String text, String register) {
        public static final Interaction NONE = new Interaction(null, null, null, null, null, null);

        /** Without a requested register. */
        public Interaction(Integer waitMinutes, Integer transfers, Integer contactsAboutIssue, Double sentiment, String text) {
            this(waitMinutes, transfers, contactsAboutIssue, sentiment, text, null);
        }
    }
}
