package dev.pauta.decisions;

import dev.pauta.compliance.Violation;
import dev.pauta.guidance.Decision;
import java.util.List;
import java.util.Map;

/**
 * A logged decision in stored schema version 3. Its field names are the stored JSON's and belong to this module: a
 * change to {@link Decision} changes the mapping below, never what rows already hold. The decision id and release are
 * the row's own columns, so they are not repeated here. Immutable.
 */
record StoredDecision(String register, String registerReason, List<Action> actions, List<Avoid> avoid, List<SectionMatch> sections, List<Finding> violations, Explanation explanation) {

    record Action(String type, String code, int priority, String text, String say, String reason, String rule, List<SectionRef> sections,
                  Map<String, Object> params) {
    }

    record SectionRef(String id, String title) {
    }

    record Avoid(String phrase, String instead, String section) {
    }

    record SectionMatch(String id, String title, String kind, String snippet, float score) {
    }

    record Finding(int start, int end, String phrase, String instead, String severity, String section, String check) {
    }

    record NotApplied(String code, String why) {
    }

    record Explanation(List<String> rulesFired, List<NotApplied> notApplied, long tookMicros) {
    }

    static StoredDecision of(Decision d) {
        return new StoredDecision(d.register(), d.registerReason(),
                d.actions().stream().map(a -> new Action(a.type(), a.code(), a.priority(), a.text(), a.say(), a.reason(), a.rule(),
                        a.sections().stream().map(s -> new SectionRef(s.id(), s.title())).toList(), a.params())).toList(),
                d.avoid().stream().map(a -> new Avoid(a.phrase(), a.instead(), a.section())).toList(),
                d.sections().stream().map(s -> new SectionMatch(s.id(), s.title(), s.kind(), s.snippet(), s.score())).toList(),
                d.violations().stream().map(v -> new Finding(v.start(), v.end(), v.phrase(), v.instead(), v.severity(), v.section(), v.check())).toList(),
                new Explanation(d.explanation().rulesFired(),
                        d.explanation().notApplied().stream().map(n -> new NotApplied(n.code(), n.why())).toList(), d.explanation().tookMicros()));
    }

    Decision toDecision(String decisionId, int release) {
        return new Decision(decisionId, release, register, registerReason,
                actions.stream().map(a -> new Decision.Action(a.type(), a.code(), a.priority(), a.text(), a.say(), a.reason(), a.rule(),
                        a.sections().stream().map(s -> new Decision.SectionRef(s.id(), s.title())).toList(), a.params())).toList(),
                avoid.stream().map(a -> new Decision.Avoid(a.phrase(), a.instead(), a.section())).toList(),
                sections.stream().map(s -> new Decision.SectionMatch(s.id(), s.title(), s.kind(), s.snippet(), s.score())).toList(),
                violations.stream().map(v -> new Violation(v.start(), v.end(), v.phrase(), v.instead(), v.severity(), v.section(), v.check())).toList(),
                new Decision.Explanation(explanation.rulesFired(),
                        explanation.notApplied().stream().map(n -> new Decision.NotApplied(n.code(), n.why())).toList(), explanation.tookMicros()));
    }
}
