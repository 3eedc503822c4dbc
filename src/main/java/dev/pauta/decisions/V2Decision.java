package dev.pauta.decisions;

import dev.pauta.compliance.Violation;
import dev.pauta.guidance.Decision;
import java.util.List;
import java.util.Map;

/**
 * A logged decision in stored schema version 2, as written until the register and the words to say were kept. Kept only
 * to read the rows written then; nothing writes it. The row's columns name the decision, as for every version. Immutable.
 */
record V2Decision(List<Action> actions, List<Avoid> avoid, List<SectionMatch> sections, List<Finding> violations, Explanation explanation) {

    record Action(String type, String code, int priority, String text, String reason, String rule, List<SectionRef> sections, Map<String, Object> params) {
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

    Decision toDecision(String decisionId, int release) {
        return new Decision(decisionId, release,
                actions.stream().map(a -> new Decision.Action(a.type(), a.code(), a.priority(), a.text(), a.reason(), a.rule(),
                        a.sections().stream().map(s -> new Decision.SectionRef(s.id(), s.title())).toList(), a.params())).toList(),
                avoid.stream().map(a -> new Decision.Avoid(a.phrase(), a.instead(), a.section())).toList(),
                sections.stream().map(s -> new Decision.SectionMatch(s.id(), s.title(), s.kind(), s.snippet(), s.score())).toList(),
                violations.stream().map(v -> new Violation(v.start(), v.end(), v.phrase(), v.instead(), v.severity(), v.section(), v.check())).toList(),
                new Decision.Explanation(explanation.rulesFired(),
                        explanation.notApplied().stream().map(n -> new Decision.NotApplied(n.code(), n.why())).toList(), explanation.tookMicros()));
    }
}
