package dev.pauta.guidance;

import dev.pauta.manual.PhrasePattern;
import dev.pauta.manual.Problem;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.RuleFailure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Runs scenarios against a snapshot, the same way guidance is decided, and checks each decision against what the scenario expects. Thread-safe. */
public final class ScenarioRunner {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

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
            checkWords(snapshot, scenario, decision, failures);
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
        for (String phrase : scenario.notFlagged()) {
            decision.violations().stream().filter(v -> v.phrase().equals(phrase) || v.check().equals(phrase)).findFirst()
                    .ifPresent(v -> failures.add("the draft should not be flagged for '" + phrase + "' but is, at '" + v.phrase() + "'"));
        }
    }

    /** The register the decision speaks in, and the words its actions say. */
    private static void checkWords(Snapshot snapshot, Scenario scenario, Decision decision, List<String> failures) {
        if (scenario.register() != null && !scenario.register().equals(decision.register())) {
            failures.add("the decision speaks in register " + decision.register() + ", expected " + scenario.register());
        }
        if (scenario.registerReason() != null && (decision.registerReason() == null
                || !decision.registerReason().toLowerCase(Locale.ROOT).contains(scenario.registerReason().toLowerCase(Locale.ROOT)))) {
            failures.add("the reason for the register should mention '" + scenario.registerReason() + "' but is: " + decision.registerReason());
        }
        for (Scenario.Expected expected : scenario.expect()) {
            decision.actions().stream().filter(a -> a.code().equals(expected.code())).findFirst().ifPresent(action -> {
                for (String words : expected.say()) {
                    if (action.say() == null || !containsWords(action.say(), words)) {
                        failures.add(expected.code() + " should say '" + words + "' but says: " + action.say());
                    }
                }
                for (String words : expected.sayLacks()) {
                    if (action.say() != null && containsWords(action.say(), words)) {
                        failures.add(expected.code() + " should not say '" + words + "' but says: " + action.say());
                    }
                }
            });
        }
        for (Decision.Action action : decision.actions()) {
            if (action.say() == null) {
                continue;
            }
            for (String words : scenario.sayLacks()) {
                if (containsWords(action.say(), words)) {
                    failures.add(action.code() + " should not say '" + words + "' but says: " + action.say());
                }
            }
            if (scenario.sayIn() != null) {
                List<String> others = snapshot.checkers().get(scenario.given().locale()).check(null, action.say(), scenario.sayIn()).stream()
                        .filter(v -> v.check().equals("register")).map(v -> action.say().substring(v.start(), v.end())).toList();
                if (!others.isEmpty()) {
                    failures.add(action.code() + " should speak in " + scenario.sayIn() + " but says " + others + ": " + action.say());
                }
            }
        }
    }

    /** Whether the words stand in the text as whole words in a row, whatever their case but with their accents ("tu" is not "tú"). */
    static boolean containsWords(String text, String words) {
        List<String> haystack = lowerWords(text);
        List<String> needle = lowerWords(words);
        return !needle.isEmpty() && Collections.indexOfSubList(haystack, needle) >= 0;
    }

    private static List<String> lowerWords(String text) {
        return PhrasePattern.words(text).stream().map(w -> text.substring(w.start(), w.end()).toLowerCase(Locale.ROOT).replace('’', '\'')).toList();
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        return Objects.equals(String.valueOf(expected), String.valueOf(actual));
    }
}
