package dev.pauta.guidance;

import dev.pauta.compliance.Violation;
import java.util.List;
import java.util.Map;

/** The answer to one situation: ordered actions citing the manual, what to avoid, where to read, what the draft gets wrong, and why. */
public record Decision(
        String decisionId,
        int release,
        List<Action> actions,
        List<Avoid> avoid,
        List<SectionMatch> sections,
        List<Violation> violations,
        Explanation explanation) {

    public record Action(String type, String code, int priority, String text, String reason, String rule, List<SectionRef> sections, Map<String, Object> params) {
    }

    public record SectionRef(String id, String title) {
    }

    public record Avoid(String phrase, String instead, String section) {
    }

    public record SectionMatch(String id, String title, String kind, String snippet, float score) {
    }

    public record NotApplied(String code, String why) {
    }

    public record Explanation(List<String> rulesFired, List<NotApplied> notApplied, long tookMicros) {
    }
}
