package dev.pauta.api;

import dev.pauta.compliance.Violation;
import dev.pauta.guidance.Decision;
import java.util.List;
import java.util.Map;

/** The v1 wire form of a decision, field for field as in the API contract. */
record GuidanceResponse(
        String decisionId,
        int release,
        List<ActionDto> actions,
        List<AvoidDto> avoid,
        List<SectionDto> sections,
        List<ViolationDto> violations,
        ExplanationDto explanation) {

    record ActionDto(String type, String code, int priority, String text, String reason, String rule, List<SectionRefDto> sections, Map<String, Object> params) {
    }

    record SectionRefDto(String id, String title) {
    }

    record AvoidDto(String phrase, String instead, String section) {
    }

    record SectionDto(String id, String title, String kind, String snippet, float score) {
    }

    record ViolationDto(int start, int end, String phrase, String instead, String severity, String section, String check) {
        static ViolationDto of(Violation v) {
            return new ViolationDto(v.start(), v.end(), v.phrase(), v.instead(), v.severity(), v.section(), v.check());
        }
    }

    record NotAppliedDto(String code, String why) {
    }

    record ExplanationDto(List<String> rulesFired, List<NotAppliedDto> notApplied, long tookMicros) {
    }

    static GuidanceResponse of(Decision d) {
        return new GuidanceResponse(
                d.decisionId(),
                d.release(),
                d.actions().stream().map(a -> new ActionDto(a.type(), a.code(), a.priority(), a.text(), a.reason(), a.rule(),
                        a.sections().stream().map(s -> new SectionRefDto(s.id(), s.title())).toList(), a.params())).toList(),
                d.avoid().stream().map(a -> new AvoidDto(a.phrase(), a.instead(), a.section())).toList(),
                d.sections().stream().map(s -> new SectionDto(s.id(), s.title(), s.kind(), s.snippet(), s.score())).toList(),
                d.violations().stream().map(ViolationDto::of).toList(),
                new ExplanationDto(d.explanation().rulesFired(),
                        d.explanation().notApplied().stream().map(n -> new NotAppliedDto(n.code(), n.why())).toList(),
                        d.explanation().tookMicros()));
    }
}
