package dev.pauta.api;

import dev.pauta.compliance.Violation;
import dev.pauta.guidance.Decision;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The v1 wire form of a decision, field for field as in the API contract. */
@Schema(name = "GuidanceResponse", description = "Next best actions citing the manual, what to avoid, where to read, what the draft gets wrong, and why.")
record GuidanceResponse(
        @Schema(description = "Keep it: feedback and the logged record are found by it.", example = "5b0e3c2a-8f7d-4c1e-9a51-0d2b7e6f4a10") String decisionId,
        @Schema(description = "The release that decided.", example = "3") int release,
        @Schema(description = "The register every action's say is in, as the manual names it (such as tú, usted, neutral, formal); null when the manual names no registers.",
                example = "usted", nullable = true) String register,
        @Schema(description = "Why that register, in the manual's words: the register rule that chose it, or the centre's default.",
                example = "Con las personas mayores empezamos de usted.", nullable = true) String registerReason,
        @Schema(description = "Highest priority first; every action cites at least one section.") List<ActionDto> actions,
        List<AvoidDto> avoid,
        List<SectionDto> sections,
        List<ViolationDto> violations,
        ExplanationDto explanation) {

    @Schema(name = "Action")
    record ActionDto(@Schema(allowableValues = {"SAY", "ASK", "OFFER", "ESCALATE", "TRANSFER", "FOLLOW_UP", "INFORM", "DOCUMENT"}) String type,
                     @Schema(description = "The action's code in the rules, such as DELAY_COUPON; feedback names it.", example = "DELAY_COUPON") String code,
                     int priority,
                     @Schema(description = "Guidance addressed to the agent, in the request's locale: what to do and how.") String text,
                     @Schema(description = "The words the agent can read out or paste to the customer, in the decision's register; null when there is nothing to say.",
                             nullable = true)
                     String say,
                     @Schema(description = "Why, in plain words; empty when the manual gives no reason.") String reason,
                     @Schema(description = "The rule that proposed it.") String rule,
                     List<SectionRefDto> sections,
                     @Schema(description = "Parameters the rule set, such as percent; an open object.", example = "{\"percent\": 15}") Map<String, Object> params) {
    }

    @Schema(name = "SectionRef")
    record SectionRefDto(@Schema(example = "delay-compensation") String id, String title) {
    }

    @Schema(name = "Avoid")
    record AvoidDto(String phrase, String instead, String section) {
    }

    @Schema(name = "SectionMatch")
    record SectionDto(String id, String title, @Schema(allowableValues = {"foundation", "guideline", "protocol", "policy", "reference"}) String kind,
                      @Schema(description = "An HTML-escaped snippet; matched words in <mark>.") String snippet, float score) {
    }

    @Schema(name = "Violation")
    record ViolationDto(@Schema(description = "Offset of the first character in the checked text.") int start,
                        @Schema(description = "Offset after the last character (exclusive).") int end,
                        String phrase, String instead,
                        @Schema(allowableValues = {"ERROR", "WARNING"}) String severity, String section,
                        @Schema(description = "Which check found it; register: a word of another register than the decision's, with its own word instead.",
                                allowableValues = {"phrase", "shouting", "greeting", "closing", "maxChars", "register"}) String check) {
        static ViolationDto of(Violation v) {
            return new ViolationDto(v.start(), v.end(), v.phrase(), v.instead(), v.severity(), v.section(), v.check());
        }
    }

    @Schema(name = "NotApplied")
    record NotAppliedDto(String code, String why) {
    }

    @Schema(name = "Explanation")
    record ExplanationDto(List<String> rulesFired, List<NotAppliedDto> notApplied, long tookMicros) {
    }

    static GuidanceResponse of(Decision d) {
        return new GuidanceResponse(
                d.decisionId(),
                d.release(),
                d.register(),
                d.registerReason(),
                d.actions().stream().map(a -> new ActionDto(a.type(), a.code(), a.priority(), a.text(), a.say(), a.reason(), a.rule(),
                        a.sections().stream().map(s -> new SectionRefDto(s.id(), s.title())).toList(), a.params())).toList(),
                d.avoid().stream().map(a -> new AvoidDto(a.phrase(), a.instead(), a.section())).toList(),
                d.sections().stream().map(s -> new SectionDto(s.id(), s.title(), s.kind(), s.snippet(), s.score())).toList(),
                d.violations().stream().map(ViolationDto::of).toList(),
                new ExplanationDto(d.explanation().rulesFired(),
                        d.explanation().notApplied().stream().map(n -> new NotAppliedDto(n.code(), n.why())).toList(),
                        d.explanation().tookMicros()));
    }
}
