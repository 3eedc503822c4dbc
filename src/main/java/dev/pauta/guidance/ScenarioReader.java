package dev.pauta.guidance;

import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.manual.YamlTree;
import dev.pauta.rules.Situation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the scenario files of a bundle ({@code rules/tests/*.yaml}, format in rules/tests/README.md) through
 * {@link YamlTree}, checking every field's type; each problem names the line of the node it is about. Thread-safe.
 */
final class ScenarioReader {

    private static final String FORMAT_HINT = "see rules/tests/README.md for the scenario format";

    ScenarioRunner.Parsed read(Bundle bundle) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        bundle.withPrefix("rules/tests/").forEach((path, text) -> {
            if (path.endsWith(".yaml") || path.endsWith(".yml")) {
                readFile(path, text, scenarios, problems);
            }
        });
        return new ScenarioRunner.Parsed(scenarios, problems);
    }

    private static void readFile(String path, String text, List<Scenario> scenarios, List<Problem> problems) {
        YamlTree.Value root;
        try {
            root = YamlTree.read(text);
        } catch (YamlTree.Unreadable e) {
            problems.add(e.tooLarge()
                    ? Problem.at(path, e.line(), "the scenario file cannot be read: it uses more aliases, nesting or text than a scenario file may",
                            "write each scenario out plainly: no anchors and aliases, at most " + YamlTree.MAX_DEPTH + " levels deep")
                    : Problem.at(path, e.line(), "not valid YAML: " + e.getMessage(), "each scenario is a list item with name, given and expect"));
            return;
        }
        if (!(root instanceof YamlTree.Sequence items)) {
            problems.add(Problem.at(path, root == null ? 1 : root.line(), "a scenario file is a YAML list of scenarios", "start each scenario with '- name: …'"));
            return;
        }
        for (YamlTree.Value item : items.items()) {
            try {
                scenarios.add(scenario(path, Fields.of(item, "scenario")));
            } catch (Invalid e) {
                String name = item instanceof YamlTree.Mapping m && m.get("name") instanceof YamlTree.Scalar s ? String.valueOf(s.value()) : "?";
                problems.add(Problem.at(path, e.line, "scenario '" + name + "': " + e.getMessage(), FORMAT_HINT));
            }
        }
    }

    private static Scenario scenario(String path, Fields raw) {
        String name = raw.required("name");
        Fields given = raw.mapping("given");
        Fields customer = given.optionalMapping("customer");
        Fields order = given.optionalMapping("order");
        Fields interaction = given.optionalMapping("interaction");
        Situation situation = new Situation(
                given.required("locale"), given.required("channel"), given.required("intent"),
                customer == null ? new Situation.Customer("C-SCENARIO", null, null, List.of())
                        : new Situation.Customer(customer.has("id") ? customer.text("id") : "C-SCENARIO", customer.text("type"), customer.text("tier"),
                                customer.strings("specialNeeds")),
                order == null ? null : new Situation.Order(order.text("id"), order.integer("delayDays"), order.decimal("value"), order.text("currency")),
                interaction == null ? null : new Situation.Interaction(interaction.integer("waitMinutes"), interaction.integer("transfers"),
                        interaction.integer("contactsAboutIssue"), interaction.number("sentiment"), interaction.text("text"), interaction.text("register")),
                given.text("draft"));
        List<Scenario.LedgerLine> ledger = new ArrayList<>();
        for (YamlTree.Value entry : given.list("ledger")) {
            Fields line = Fields.of(entry, "ledger entry");
            Integer daysAgo = line.integer("daysAgo");
            ledger.add(new Scenario.LedgerLine(line.required("code"), daysAgo == null ? 0 : daysAgo));
        }
        List<Scenario.Expected> expect = new ArrayList<>();
        for (YamlTree.Value entry : raw.list("expect")) {
            if (entry instanceof YamlTree.Scalar scalar && scalar.value() instanceof String code) {
                expect.add(new Scenario.Expected(code, null, Map.of(), List.of(), List.of()));
            } else {
                Fields e = Fields.of(entry, "expect entry");
                Fields params = e.optionalMapping("params");
                expect.add(new Scenario.Expected(e.required("code"), e.text("type"), params == null ? Map.of() : params.values(), e.strings("say"),
                        e.strings("sayLacks")));
            }
        }
        return new Scenario(path, raw.mapping().lineOf("name"), name, situation, ledger, expect, raw.strings("absent"), raw.strings("notApplied"),
                raw.strings("violations"), raw.strings("notFlagged"), raw.text("register"), raw.text("registerReason"), raw.text("sayIn"), raw.strings("sayLacks"));
    }

    /** A field of the wrong shape or type, at the line of the node that holds it. */
    private static final class Invalid extends RuntimeException {
        private final int line;

        Invalid(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** One mapping of a scenario, read field by field; a missing field or a null is absent, a wrong type is {@link Invalid}. */
    private record Fields(YamlTree.Mapping mapping) {

        static Fields of(YamlTree.Value value, String what) {
            if (value instanceof YamlTree.Mapping mapping) {
                return new Fields(mapping);
            }
            throw new Invalid(value.line(), what + " is not a mapping of 'field: value'");
        }

        boolean has(String key) {
            return !absent(mapping.get(key));
        }

        Fields mapping(String key) {
            if (!has(key)) {
                throw new Invalid(mapping.lineOf(key), key + " is not a mapping of 'field: value'");
            }
            return of(mapping.get(key), key);
        }

        Fields optionalMapping(String key) {
            return has(key) ? of(mapping.get(key), key) : null;
        }

        List<YamlTree.Value> list(String key) {
            YamlTree.Value value = mapping.get(key);
            if (absent(value)) {
                return List.of();
            }
            if (value instanceof YamlTree.Sequence sequence) {
                return sequence.items();
            }
            throw new Invalid(value.line(), "'" + key + "' should be a list but is " + value.describe());
        }

        List<String> strings(String key) {
            return list(key).stream().map(Fields::single).map(String::valueOf).toList();
        }

        String text(String key) {
            Object value = has(key) ? single(mapping.get(key)) : null;
            return value == null ? null : String.valueOf(value);
        }

        String required(String key) {
            String value = text(key);
            if (value == null || value.isBlank()) {
                throw new Invalid(mapping.lineOf(key), "'" + key + "' is required");
            }
            return value;
        }

        Double number(String key) {
            Number value = numeric(key, "a number");
            return value == null ? null : value.doubleValue();
        }

        Integer integer(String key) {
            Number value = numeric(key, "a whole number");
            return value == null ? null : value.intValue();
        }

        private Number numeric(String key, String what) {
            Object value = has(key) ? single(mapping.get(key)) : null;
            if (value == null || value instanceof Number) {
                return (Number) value;
            }
            throw new Invalid(mapping.get(key).line(), mapping.get(key).describe() + " is not " + what);
        }

        BigDecimal decimal(String key) {
            Double value = number(key);
            if (value != null && (value.isNaN() || value.isInfinite())) {
                throw new Invalid(mapping.get(key).line(), mapping.get(key).describe() + " is not a finite number");
            }
            return value == null ? null : BigDecimal.valueOf(value);
        }

        /** Every field as its single value, for parameters compared with what a decision holds. */
        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            mapping.fields().forEach((key, field) -> values.put(key, single(field.value())));
            return values;
        }

        private static Object single(YamlTree.Value value) {
            if (value instanceof YamlTree.Scalar scalar) {
                return scalar.value();
            }
            throw new Invalid(value.line(), "expected a single value but found " + value.describe());
        }

        private static boolean absent(YamlTree.Value value) {
            return value == null || value instanceof YamlTree.Scalar scalar && scalar.value() == null;
        }
    }
}
