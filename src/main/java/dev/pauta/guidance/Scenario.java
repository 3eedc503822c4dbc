package dev.pauta.guidance;

import dev.pauta.rules.Situation;
import java.util.List;
import java.util.Map;

/**
 * A scenario test from {@code rules/tests/*.yaml}: given a situation (and the customer's ledger), expect
 * actions with codes and parameters, the absence of others, offers held back, and phrases flagged in the draft.
 */
public record Scenario(
        String file,
        int line,
        String name,
        Situation given,
        List<LedgerLine> ledger,
        List<Expected> expect,
        List<String> absent,
        List<String> notApplied,
        List<String> violations) {

    /** A compensation the customer accepted {@code daysAgo} days before the scenario. */
    public record LedgerLine(String code, int daysAgo) {
    }

    /** An action the decision must hold; {@code type} and {@code params} are checked when given. */
    public record Expected(String code, String type, Map<String, Object> params) {
    }

    /** The outcome of running one scenario. */
    public record Result(Scenario scenario, List<String> failures, List<String> rulesFired) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }
}
