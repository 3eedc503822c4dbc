package dev.pauta.guidance;

import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.RuleFailure;
import dev.pauta.rules.Situation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the scenario files of a bundle and runs them against a snapshot, the same way guidance is decided. Thread-safe. */
public final class ScenarioRunner {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    /** Scenario files are written by policy owners: no alias bombs, no deep nesting, nothing near the size of a release. */
    private static final LoaderOptions LIMITS = limits();

    /** The scenarios read, and the problems that kept others from being read. */
    public record Parsed(List<Scenario> scenarios, List<Problem> problems) {
    }

    /** Every scenario's result, and the rules (package/name) that no scenario fired. */
    public record Report(List<Scenario.Result> results, Set<String> rulesNeverFired) {
        public long passed() {
            return results.stream().filter(Scenario.Result::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }

        public List<Problem> problems() {
            return results.stream().filter(r -> !r.passed())
                    .map(r -> Problem.at(r.scenario().file(), r.scenario().line(), "scenario '" + r.scenario().name() + "' fails: " + String.join("; ", r.failures()),
                            "fix the rule or the manual table it reads, or the scenario if the policy changed"))
                    .toList();
        }
    }

    public Parsed read(Bundle bundle) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        bundle.withPrefix("rules/tests/").forEach((path, text) -> {
            if (!(path.endsWith(".yaml") || path.endsWith(".yml"))) {
                return;
            }
            Object loaded;
            try {
                loaded = new Yaml(new SafeConstructor(LIMITS)).load(text);
            } catch (MarkedYAMLException e) {
                problems.add(Problem.at(path, e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem(),
                        "each scenario is a list item with name, given and expect"));
                return;
            } catch (YAMLException e) {
                problems.add(Problem.at(path, 1, "the scenario file cannot be read: it uses more aliases, nesting or text than a scenario file may",
                        "write each scenario out plainly: no anchors and aliases, at most " + LIMITS.getNestingDepthLimit() + " levels deep"));
                return;
            }
            if (!(loaded instanceof List<?> items)) {
                problems.add(Problem.at(path, 1, "a scenario file is a YAML list of scenarios", "start each scenario with '- name: …'"));
                return;
            }
            for (Object item : items) {
                try {
                    scenarios.add(scenario(path, text, asMap(item, "scenario")));
                } catch (IllegalArgumentException | ClassCastException e) {
                    String name = item instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "?";
                    problems.add(Problem.at(path, lineOf(text, name), "scenario '" + name + "': " + e.getMessage(),
                            "see rules/tests/README.md for the scenario format"));
                }
            }
        });
        return new Parsed(scenarios, problems);
    }

    public Report run(Snapshot snapshot, List<Scenario> scenarios) {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        List<Scenario.Result> results = new ArrayList<>();
        Set<String> fired = new LinkedHashSet<>();
        for (Scenario scenario : scenarios) {
            List<Compensation> ledger = scenario.ledger().stream()
                    .map(l -> new Compensation(scenario.given().customer().id(), l.code(), NOW.minus(Duration.ofDays(l.daysAgo())), null))
                    .toList();
            GuidanceService service = new GuidanceService(holder, id -> ledger, Clock.fixed(NOW, ZoneOffset.UTC));
            List<String> failures = new ArrayList<>();
            Decision decision;
            try {
                decision = service.decide(scenario.given());
            } catch (RuleFailure | UnknownCodeException e) {
                // Both messages are Pauta's own words; anything else is reported without its text, which could hold anything.
                results.add(new Scenario.Result(scenario, List.of("no decision: " + e.getMessage()), List.of()));
                continue;
            } catch (RuntimeException e) {
                results.add(new Scenario.Result(scenario, List.of("no decision: the engine failed on this situation"), List.of()));
                continue;
            }
            fired.addAll(decision.explanation().rulesFired());
            check(scenario, decision, failures);
            results.add(new Scenario.Result(scenario, failures, decision.explanation().rulesFired()));
        }
        Set<String> never = new TreeSet<>();
        for (String key : snapshot.ruleSet().ruleKeys()) {
            if (!fired.contains(key.substring(key.indexOf('/') + 1))) {
                never.add(key);
            }
        }
        return new Report(results, never);
    }

    private static void check(Scenario scenario, Decision decision, List<String> failures) {
        for (Scenario.Expected expected : scenario.expect()) {
            Decision.Action action = decision.actions().stream().filter(a -> a.code().equals(expected.code())).findFirst().orElse(null);
            if (action == null) {
                failures.add("expected " + expected.code() + " but got " + decision.actions().stream().map(Decision.Action::code).toList());
                continue;
            }
            if (expected.type() != null && !expected.type().equals(action.type())) {
                failures.add(expected.code() + " is " + action.type() + ", expected " + expected.type());
            }
            expected.params().forEach((name, value) -> {
                Object actual = action.params().get(name);
                if (!sameValue(value, actual)) {
                    failures.add(expected.code() + "." + name + " is " + actual + ", expected " + value);
                }
            });
            if (action.sections().isEmpty()) {
                failures.add(expected.code() + " cites no section");
            }
        }
        for (String code : scenario.absent()) {
            if (decision.actions().stream().anyMatch(a -> a.code().equals(code))) {
                failures.add(code + " should not be offered");
            }
        }
        for (String code : scenario.notApplied()) {
            if (decision.explanation().notApplied().stream().noneMatch(n -> n.code().equals(code))) {
                failures.add(code + " should be listed as held back, but notApplied is " + decision.explanation().notApplied());
            }
        }
        for (String phrase : scenario.violations()) {
            if (decision.violations().stream().noneMatch(v -> v.phrase().equals(phrase) || v.check().equals(phrase))) {
                failures.add("the draft should be flagged for '" + phrase + "'");
            }
        }
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        return Objects.equals(String.valueOf(expected), String.valueOf(actual));
    }

    private static Scenario scenario(String path, String text, Map<String, Object> raw) {
        String name = string(raw.get("name"));
        if (name == null) {
            throw new IllegalArgumentException("has no name");
        }
        Map<String, Object> given = asMap(raw.get("given"), "given");
        Map<String, Object> customer = raw.containsKey("given") && given.get("customer") != null ? asMap(given.get("customer"), "customer") : Map.of();
        Map<String, Object> order = given.get("order") == null ? null : asMap(given.get("order"), "order");
        Map<String, Object> interaction = given.get("interaction") == null ? null : asMap(given.get("interaction"), "interaction");
        Situation situation = new Situation(
                required(given, "locale"), required(given, "channel"), required(given, "intent"),
                new Situation.Customer(string(customer.getOrDefault("id", "C-SCENARIO")), string(customer.get("type")), string(customer.get("tier")),
                        strings(customer.get("specialNeeds"))),
                order == null ? null : new Situation.Order(string(order.get("id")), integer(order.get("delayDays")), decimal(order.get("value")), string(order.get("currency"))),
                interaction == null ? null : new Situation.Interaction(integer(interaction.get("waitMinutes")), integer(interaction.get("transfers")),
                        integer(interaction.get("contactsAboutIssue")), number(interaction.get("sentiment")),
                        string(interaction.get("text"))),
                string(given.get("draft")));
        List<Scenario.LedgerLine> ledger = new ArrayList<>();
        for (Object entry : list(given.get("ledger"))) {
            Map<String, Object> line = asMap(entry, "ledger entry");
            ledger.add(new Scenario.LedgerLine(required(line, "code"), integer(line.get("daysAgo")) == null ? 0 : integer(line.get("daysAgo"))));
        }
        List<Scenario.Expected> expect = new ArrayList<>();
        for (Object entry : list(raw.get("expect"))) {
            if (entry instanceof String code) {
                expect.add(new Scenario.Expected(code, null, Map.of()));
            } else {
                Map<String, Object> e = asMap(entry, "expect entry");
                Map<String, Object> params = e.get("params") == null ? Map.of() : asMap(e.get("params"), "params");
                expect.add(new Scenario.Expected(required(e, "code"), string(e.get("type")), params));
            }
        }
        return new Scenario(path, lineOf(text, name), name, situation, ledger, expect, strings(raw.get("absent")), strings(raw.get("notApplied")),
                strings(raw.get("violations")));
    }

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1_000_000);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " is not a mapping of 'field: value'");
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("expected a list but found '" + value + "'");
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static String required(Map<String, Object> map, String key) {
        String value = string(map.get(key));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return value;
    }

    private static String string(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("expected a single value but found '" + value + "'");
        }
        return value == null ? null : String.valueOf(value);
    }

    private static Double number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + value + "' is not a number");
    }

    private static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("'" + value + "' is not a whole number");
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : BigDecimal.valueOf(number(value));
    }

    private static int lineOf(String text, String name) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("name:") && lines[i].contains(name)) {
                return i + 1;
            }
        }
        return 1;
    }
}
