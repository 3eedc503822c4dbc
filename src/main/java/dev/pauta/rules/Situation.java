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

    public record Interaction(Integer waitMinutes, Integer transfers, Integer contactsAboutIssue, Double sentiment, String text) {
        public static final Interaction NONE = new Interaction(null, null, null, null, null);
    }
}
