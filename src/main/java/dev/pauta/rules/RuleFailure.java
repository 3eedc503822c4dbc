package dev.pauta.rules;

import java.util.Set;
import org.drools.base.rule.consequence.ConsequenceException;

/**
 * An evaluation the rules could not finish, and no decision: a rule kept firing ({@link Kind#LOOP}), the rules ran past
 * their time budget ({@link Kind#TIME_BUDGET}), or a rule failed while it ran ({@link Kind#ERROR}). The message names
 * the rule in plain words; it never carries a Java class name or the text of the error underneath.
 */
public final class RuleFailure extends RuntimeException {

    /** Why the evaluation stopped. */
    public enum Kind { LOOP, TIME_BUDGET, ERROR }

    private final Kind kind;
    private final String rule;

    RuleFailure(Kind kind, String rule, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.rule = rule;
    }

    public Kind kind() {
        return kind;
    }

    /** The rule at fault, or null when the engine did not say which rule failed. */
    public String rule() {
        return rule;
    }

    static RuleFailure loop(int limit, String rule) {
        return new RuleFailure(Kind.LOOP, rule, "rules fired " + limit + " times without settling; rule '" + rule + "' fired most");
    }

    static RuleFailure timeBudget(long millis, int secondTryFactor, String rule) {
        return new RuleFailure(Kind.TIME_BUDGET, rule, "the rules ran past their time budget of " + millis + " ms, and of " + millis * secondTryFactor
                + " ms on a second try; rule '" + rule + "' was being matched");
    }

    /** What the engine threw, as a failure of the rule it names; a failure raised by the budget passes through. */
    static RuleFailure of(RuntimeException thrown, Set<String> ruleNames) {
        String rule = null;
        Throwable root = thrown;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RuleFailure failure) {
                return failure;
            }
            if (rule == null && t instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getRule() != null) {
                rule = c.getRule().getName();
            } else if (rule == null && t instanceof ConsequenceException c && c.getRule() != null) {
                rule = c.getRule().getName();
            } else if (rule == null && t.getMessage() != null) {
                rule = named(t.getMessage(), ruleNames);
            }
            root = t;
        }
        String what = root instanceof ArithmeticException ? "divided by zero"
                : root instanceof NullPointerException || root instanceof IllegalArgumentException ? "used a value that is missing"
                : "failed while it was evaluated";
        return new RuleFailure(Kind.ERROR, rule, (rule == null ? "a rule " : "rule '" + rule + "' ") + what);
    }

    /** Constraint errors name their rule only in the message, as [Rule "name" …]; matched against the known names, never parsed. */
    private static String named(String message, Set<String> ruleNames) {
        return ruleNames.stream().filter(name -> message.contains("\"" + name + "\"")).findFirst().orElse(null);
    }
}
