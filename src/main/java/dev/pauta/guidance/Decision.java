package dev.pauta.guidance;

import dev.pauta.compliance.Violation;
import java.util.List;
import java.util.Map;

/**
 * The answer to one situation: the register it speaks in and why, ordered actions citing the manual, what to avoid, where
 * to read, what the draft gets wrong, and why. {@code register} and {@code registerReason} are null when the manual names
 * no registers.
 */
public record Decision(
        String decisionId,
        int release,
        String register,
        String registerReason,
        List<Action> actions,
        List<Avoid> avoid,
        List<SectionMatch> sections,
        List<Violation> violations,
        Explanation explanation) {

    /** A decision of a manual that names no registers, or read back from a log that kept none. */
    public Decision(String decisionId, int release, List<Action> actions, List<Avoid> avoid, List<SectionMatch> sections, List<Violation> violations,
                    Explanation explanation) {
        this(decisionId, release, null, null, actions, avoid, sections, violations, explanation);
    }

    /**
     * One next best action: {@code text} is the guidance addressed to the agent, {@code say} the words the agent can read out
     * or paste to the customer in the decision's register (null when there is nothing to say).
     */
    public record Action(String type, String code, int priority, String text, String say, String reason, String rule, List<SectionRef> sections,
                         Map<String, Object> params) {

        /** An action with nothing to say, or read back from a log that kept no words to say. */
        public Action(String type, String code, int priority, String text, String reason, String rule, List<SectionRef> sections, Map<String, Object> params) {
            this(type, code, priority, text, null, reason, rule, sections, params);
        }
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
