package dev.pauta.guidance;

import dev.pauta.rules.Situation;
import java.util.List;
import java.util.Map;

/**
 * A scenario test from {@code rules/tests/*.yaml}: given a situation (and the customer's ledger), expect
 * actions with codes, parameters and words to say, the absence of others, offers held back, phrases or checks the draft is
 * and is not flagged for, and the register the decision speaks in: which one, why, that every action's words are in it,
 * and words none may say.
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
        List<String> violations,
        List<String> notFlagged,
        String register,
        String registerReason,
        String sayIn,
        List<String> sayLacks) {

    /** A compensation the customer accepted {@code daysAgo} days before the scenario. */
    public record LedgerLine(String code, int daysAgo) {
    }

    /** An action the decision must hold; {@code type} and {@code params} are checked when given, and the words its say holds and lacks. */
    public record Expected(String code, String type, Map<String, Object> params, List<String> say, List<String> sayLacks) {
    }

    /** The outcome of running one scenario. */
    public record Result(Scenario scenario, List<String> failures, List<String> rulesFired) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }
}
