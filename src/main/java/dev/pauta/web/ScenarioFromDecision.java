package dev.pauta.web;

import dev.pauta.decisions.Decisions;
import dev.pauta.rules.Situation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A logged situation written as a scenario of the repository's scenario format, expecting the actions the change gives
 * it; the customer id is left out (the log keeps only its keyed hash) and the text is written by SnakeYAML, so any
 * quote or colon in the customer's words stays data.
 */
final class ScenarioFromDecision {

    private ScenarioFromDecision() {
    }

    static String append(String existing, Decisions.Logged logged, List<String> expect, List<String> absent) {
        Situation s = logged.situation();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("locale", s.locale());
        given.put("channel", s.channel());
        given.put("intent", s.intent());
        Map<String, Object> customer = new LinkedHashMap<>();
        putIfPresent(customer, "type", s.customer().type());
        putIfPresent(customer, "tier", s.customer().tier());
        if (!s.customer().specialNeeds().isEmpty()) {
            customer.put("specialNeeds", new ArrayList<>(s.customer().specialNeeds()));
        }
        if (!customer.isEmpty()) {
            given.put("customer", customer);
        }
        if (s.order() != null) {
            Map<String, Object> order = new LinkedHashMap<>();
            putIfPresent(order, "delayDays", s.order().delayDays());
            putIfPresent(order, "value", s.order().value() == null ? null : s.order().value().doubleValue());
            if (!order.isEmpty()) {
                given.put("order", order);
            }
        }
        Map<String, Object> interaction = new LinkedHashMap<>();
        putIfPresent(interaction, "waitMinutes", s.interaction().waitMinutes());
        putIfPresent(interaction, "transfers", s.interaction().transfers());
        putIfPresent(interaction, "contactsAboutIssue", s.interaction().contactsAboutIssue());
        putIfPresent(interaction, "sentiment", s.interaction().sentiment());
        putIfPresent(interaction, "text", s.interaction().text());
        if (!interaction.isEmpty()) {
            given.put("interaction", interaction);
        }
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", "Logged decision " + logged.decisionId() + " as the change decides it");
        scenario.put("given", given);
        List<Object> expected = expect.stream().map(ScenarioFromDecision::expectation).toList();
        List<String> expectedCodes = expect.stream().map(ScenarioFromDecision::code).toList();
        List<String> gone = absent.stream().map(ScenarioFromDecision::code).filter(code -> !expectedCodes.contains(code)).distinct().toList();
        scenario.put("expect", new ArrayList<>(expected));
        if (!gone.isEmpty()) {
            scenario.put("absent", new ArrayList<>(gone));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(200);
        String entry = new Yaml(options).dump(List.of(scenario));
        String head = existing == null || existing.isBlank() ? "# Scenarios made from logged decisions in the studio.\n\n" : existing.endsWith("\n") ? existing + "\n" : existing + "\n\n";
        return head + entry;
    }

    /** An impact label, {@code CODE} or {@code CODE{name=value, …}} as the impact report writes it, as a scenario expectation. */
    static Object expectation(String label) {
        int brace = label.indexOf('{');
        if (brace < 0 || !label.endsWith("}")) {
            return label;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : label.substring(brace + 1, label.length() - 1).split(", ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                params.put(pair.substring(0, eq), number(value));
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", label.substring(0, brace));
        entry.put("params", params);
        return entry;
    }

    static String code(String label) {
        int brace = label.indexOf('{');
        return brace < 0 ? label : label.substring(0, brace);
    }

    private static Object number(String value) {
        try {
            java.math.BigDecimal n = new java.math.BigDecimal(value);
            return n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValueExact() : n.doubleValue();
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return value;
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
