package dev.pauta.rules;

/** A rule kept firing past the limit; the evaluation was stopped and gave no decision. */
public class RuleLoopException extends RuntimeException {

    private final String rule;

    public RuleLoopException(int limit, String rule) {
        super("rules fired " + limit + " times without settling; rule '" + rule + "' fired most");
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
