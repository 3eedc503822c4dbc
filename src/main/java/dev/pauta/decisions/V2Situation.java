package dev.pauta.decisions;

import dev.pauta.rules.Situation;
import java.math.BigDecimal;
import java.util.List;

/**
 * A logged situation in stored schema version 2, as written until the caller's requested register was kept. Kept only to
 * read the rows written then; nothing writes it. Immutable.
 */
record V2Situation(String locale, String channel, String intent, Customer customer, Order order, Interaction interaction, String draft) {

    record Customer(String id, String type, String tier, List<String> specialNeeds) {
    }

    record Order(String id, Integer delayDays, BigDecimal value, String currency) {
    }

    record Interaction(Integer waitMinutes, Integer transfers, Integer contactsAboutIssue, Double sentiment, String text) {
    }

    Situation toSituation() {
        Customer c = customer;
        Interaction i = interaction;
        return new Situation(locale, channel, intent,
                c == null ? null : new Situation.Customer(c.id(), c.type(), c.tier(), c.specialNeeds()),
                order == null ? null : new Situation.Order(order.id(), order.delayDays(), order.value(), order.currency()),
                i == null ? null : new Situation.Interaction(i.waitMinutes(), i.transfers(), i.contactsAboutIssue(), i.sentiment(), i.text()),
                draft);
    }
}
