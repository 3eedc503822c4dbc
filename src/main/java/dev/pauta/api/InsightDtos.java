package dev.pauta.api;

import dev.pauta.insights.Insights;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The wire forms of the insights: each answer echoes the filter it applied and names the filters that do not apply to it. */
final class InsightDtos {

    private InsightDtos() {
    }

    @Schema(name = "InsightFilter", description = "The window (first and last day, UTC, both included) and the dimensions applied; null means all.")
    record FilterDto(LocalDate from, LocalDate to, @Schema(nullable = true) String locale, @Schema(nullable = true) String channel,
                     @Schema(nullable = true) String intent, @Schema(nullable = true) Integer release) {
        static FilterDto of(Insights.Filter f) {
            return new FilterDto(f.from(), f.to(), f.locale(), f.channel(), f.intent(), f.release());
        }
    }

    @Schema(name = "InsightMeasures", description = "Sums over decisions and the outcomes reported for them. Each rate (a percentage) is over the outcomes "
            + "that reported its field (…Known, …Count) and null when none did; satisfied counts CSAT scores of 4 or 5, as the manual measures it.")
    record MeasuresDto(long decisions, long outcomes, long resolved, long resolvedKnown, @Schema(nullable = true) Double resolvedPercent,
                       long firstContact, long firstContactKnown, @Schema(nullable = true) Double firstContactPercent,
                       long csatCount, @Schema(nullable = true) Double csatMean, long satisfied, @Schema(nullable = true) Double satisfiedPercent,
                       long contactsCount, @Schema(nullable = true) Double contactsMean,
                       @Schema(description = "Outcomes whose issue took 2 contacts or more.") long repeatContacts,
                       @Schema(nullable = true) Double repeatContactPercent,
                       long handleCount, @Schema(nullable = true) Double handleSecondsMean) {
        static MeasuresDto of(Insights.Measures m) {
            return new MeasuresDto(m.decisions(), m.outcomes(), m.resolved(), m.resolvedKnown(), m.resolvedPercent(), m.firstContact(), m.firstContactKnown(),
                    m.firstContactPercent(), m.csatCount(), m.csatMean(), m.satisfied(), m.satisfiedPercent(), m.contactsCount(), m.contactsMean(),
                    m.repeatContacts(), m.repeatContactPercent(), m.handleCount(), m.handleSecondsMean());
        }
    }

    @Schema(name = "ActionInsight", description = "One action code and the rule that proposed it.")
    record ActionDto(@Schema(example = "DELAY_COUPON") String code, @Schema(example = "Delay coupon for late orders") String rule,
                     @Schema(description = "Decisions that showed it.") long shown,
                     @Schema(description = "Feedback ACCEPTED (the latest per decision).") long used,
                     @Schema(description = "Feedback REJECTED (the latest per decision).") long notRight,
                     @Schema(description = "Rejections by rejection-reasons code; the empty key counts those sent without a reason.") Map<String, Long> notRightByReason,
                     long helpful, long notHelpful,
                     @Schema(description = "The outcomes reported for the decisions that showed it (decisions = shown).") MeasuresDto followed) {
        static ActionDto of(Insights.ActionRow r) {
            return new ActionDto(r.code(), r.rule(), r.shown(), r.used(), r.notRight(), r.notRightByReason(), r.helpful(), r.notHelpful(),
                    MeasuresDto.of(r.followed()));
        }
    }

    @Schema(name = "ActionInsights")
    record ActionsDto(FilterDto filter, List<String> ignoredFilters, List<ActionDto> items) {
    }

    @Schema(name = "SectionInsight", description = "One section: its front matter in the current release (title, owner and reviewBy null when it no "
            + "longer has it), how often decisions cited it and agents opened it in the window, and the problem reports open on it now.")
    record SectionDto(String id, String locale, @Schema(nullable = true) String title, @Schema(nullable = true) String owner,
                      @Schema(nullable = true) LocalDate reviewBy, boolean overdue, long cited, long opened, long openReports) {
        static SectionDto of(Insights.SectionRow r) {
            return new SectionDto(r.id(), r.locale(), r.title(), r.owner(), r.reviewBy(), r.overdue(), r.cited(), r.opened(), r.openReports());
        }
    }

    @Schema(name = "SectionInsights")
    record SectionsDto(FilterDto filter, List<String> ignoredFilters, List<SectionDto> items) {
    }

    @Schema(name = "Gap", description = "Normalised terms searched without a hit (SEARCH) or customers' words no section matched (CUSTOMER), with examples "
            + "as written (shown to PUBLISHER and above only).")
    record GapDto(@Schema(allowableValues = {"SEARCH", "CUSTOMER"}) String source, String locale, @Schema(example = "factura regalo tarjeta") String terms,
                  long occurrences, LocalDate lastSeen, List<String> examples) {
        static GapDto of(Insights.Gap g) {
            return new GapDto(g.source(), g.locale(), g.terms(), g.occurrences(), g.lastSeen(), g.examples());
        }
    }

    @Schema(name = "GapInsights")
    record GapsDto(FilterDto filter, List<String> ignoredFilters, @Schema(description = "Searches in the window.") long searches,
                   @Schema(description = "Of those, how many found nothing.") long unanswered, List<GapDto> items) {
    }

    @Schema(name = "PhraseWeek")
    record PhraseWeekDto(@Schema(example = "2026-W48") String week, @Schema(description = "'' for drafts checked without a channel.") String channel,
                         @Schema(description = "The phrase as the phrase table writes it, or a channel check's code.") String phrase, long violations) {
    }

    @Schema(name = "CheckWeek")
    record CheckWeekDto(@Schema(example = "2026-W48") String week, String channel, long checks, @Schema(description = "Checks that flagged something.") long flagged) {
    }

    @Schema(name = "AdherenceInsights")
    record AdherenceDto(FilterDto filter, List<String> ignoredFilters, List<PhraseWeekDto> phrases, List<CheckWeekDto> checks) {
        static AdherenceDto of(Insights.Filter f, Insights.Adherence a) {
            return new AdherenceDto(FilterDto.of(f), f.ignoredBy("adherence"),
                    a.phrases().stream().map(p -> new PhraseWeekDto(p.week(), p.channel(), p.phrase(), p.violations())).toList(),
                    a.checks().stream().map(c -> new CheckWeekDto(c.week(), c.channel(), c.checks(), c.flagged())).toList());
        }
    }

    @Schema(name = "Indicator", description = "A row of the manual's service-indicators table against what the outcomes show.")
    record IndicatorDto(@Schema(example = "FIRST_CONTACT_RESOLUTION") String code, String label, @Schema(nullable = true) BigDecimal target, String unit,
                        @Schema(nullable = true, description = "How the value compares with the target: AT_LEAST, AT_MOST or GUIDELINE (no pass or fail); "
                                + "null when not measured.")
                        String direction,
                        @Schema(description = "Whether Pauta measures it from reported outcomes; the others are measured elsewhere.") boolean measured,
                        @Schema(nullable = true, description = "In the table's unit; null when not measured or nothing reported it.") Double value,
                        @Schema(description = "Decisions whose outcome reported what it needs.") long basedOn,
                        @Schema(description = "basedOn is under the threshold: too few to mean anything.") boolean tooFew,
                        @Schema(nullable = true) Boolean meetsTarget) {
        static IndicatorDto of(Insights.Indicator i) {
            return new IndicatorDto(i.code(), i.label(), i.target(), i.unit(), i.direction(), i.measured(), i.value(), i.basedOn(), i.tooFew(), i.meetsTarget());
        }
    }

    @Schema(name = "IndicatorInsights")
    record IndicatorsDto(FilterDto filter, List<String> ignoredFilters, @Schema(description = "Figures on fewer decisions are flagged tooFew.") int tooFewBelow,
                         MeasuresDto measures, List<IndicatorDto> indicators) {
    }

    @Schema(name = "ReleaseInsight", description = "The indicators over the decisions one release gave in the window.")
    record ReleaseDto(int release, @Schema(nullable = true) Instant publishedAt, @Schema(nullable = true) String message, long decisions, long outcomes,
                      @Schema(description = "Too few outcomes stand behind these figures to compare them.") boolean tooFew, MeasuresDto measures,
                      List<IndicatorDto> indicators) {
        static ReleaseDto of(Insights.ReleaseRow r) {
            return new ReleaseDto(r.release(), r.publishedAt(), r.message(), r.measures().decisions(), r.measures().outcomes(), r.tooFew(),
                    MeasuresDto.of(r.measures()), r.indicators().stream().map(IndicatorDto::of).toList());
        }
    }

    @Schema(name = "ReleaseInsights")
    record ReleasesDto(FilterDto filter, List<String> ignoredFilters, int tooFewBelow, List<ReleaseDto> items) {
    }

    @Schema(name = "StaleSection", description = "A section of the current release whose review date has passed.")
    record StaleDto(String owner, String section, String locale, String title, LocalDate reviewBy, long daysOverdue) {
        static StaleDto of(Insights.StaleSection s) {
            return new StaleDto(s.owner(), s.section(), s.locale(), s.title(), s.reviewBy(), s.daysOverdue());
        }
    }

    @Schema(name = "StaleSections")
    record StaleListDto(@Schema(nullable = true) String locale, List<StaleDto> items) {
    }
}
