package dev.pauta.decisions;

import dev.pauta.rules.Situation;
import java.math.BigDecimal;
import java.util.List;

/**
 * A logged situation in stored schema version 3. Its field names are the stored JSON's and belong to this module: a
 * change to {@link Situation} changes the mapping below, never what rows already hold. Immutable.
 */
record StoredSituation(String locale, String channel, String intent, Customer customer, Order order, Interaction interaction, String draft) {

    record Customer(String id, String type, String tier, List<String> specialNeeds) {
    }

    record Order(String id, Integer delayDays, BigDecimal value, String currency) {
    }

    record Interaction(Integer waitMinutes, Integer transfers, Integer contactsAboutIssue, Double sentiment, String text, String register) {
    }

    static StoredSituation of(Situation s) {
        Situation.Customer c = s.customer();
        Situation.Order o = s.order();
        Situation.Interaction i = s.interaction();
        return new StoredSituation(s.locale(), s.channel(), s.intent(),
                new Customer(c.id(), c.type(), c.tier(), c.specialNeeds()),
                o == null ? null : new Order(o.id(), o.delayDays(), o.value(), o.currency()),
                new Interaction(i.waitMinutes(), i.transfers(), i.contactsAboutIssue(), i.sentiment(), i.text(), i.register()),
                s.draft());
    }

    Situation toSituation() {
        Customer c = customer;
        Interaction i = interaction;
        return new Situation(locale, channel, intent,
                c == null ? null : new Situation.Customer(c.id(), c.type(), c.tier(), c.specialNeeds()),
                order == null ? null : new Situation.Order(order.id(), order.delayDays(), order.value(), order.currency()),
                i == null ? null : new Situation.Interaction(i.waitMinutes(), i.transfers(), i.contactsAboutIssue(), i.sentiment(), i.text(), i.register()),
                draft);
    }
}
