package dev.pauta.api;

import dev.pauta.insights.Insights;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights for policy owners (PUBLISHER and above): what the decision log, feedback, outcomes, searches, draft checks and
 * problem reports say, from daily rollups kept up to date as they arrive. Every insight takes the same filters.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/insights", produces = MediaType.APPLICATION_JSON_VALUE)
class InsightsController {

    private static final String FILTERS = " Filters: from and to (days, UTC, both included; the last 30 days up to today when absent), locale, channel, "
            + "intent (codes of the current release) and release; a filter this insight cannot apply is named in ignoredFilters.";

    private final Insights insights;

    InsightsController(Insights insights) {
        this.insights = insights;
    }

    private Insights.Filter filter(LocalDate from, LocalDate to, String locale, String channel, String intent, Integer release) {
        return insights.filter(from, to, locale, channel, intent, release);
    }

    @Operation(operationId = "actionInsights", summary = "Guidance shown, used and rejected, per action code and rule",
            description = "Per action code and the rule that proposed it: how often shown, used (ACCEPTED) and not right (REJECTED, by reason), whether "
                    + "agents found it helpful, and the outcomes reported for the decisions that showed it. The guidance agents reject most comes first."
                    + FILTERS)
    @GetMapping("/actions")
    InsightDtos.ActionsDto actions(@Parameter(description = "First day (YYYY-MM-DD).") @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @Parameter(description = "Last day (YYYY-MM-DD), included.") @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @Parameter(example = "es") @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                                   @Parameter(example = "PHONE") @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                                   @Parameter(example = "ORDER_DELAYED") @RequestParam(name = "intent", required = false) @Size(max = 60) String intent,
                                   @RequestParam(name = "release", required = false) Integer release) {
        Insights.Filter f = filter(from, to, locale, channel, intent, release);
        return new InsightDtos.ActionsDto(InsightDtos.FilterDto.of(f), f.ignoredBy("actions"), insights.actions(f).stream().map(InsightDtos.ActionDto::of).toList());
    }

    @Operation(operationId = "sectionInsights", summary = "Sections cited, opened and reported, with their owners and review dates",
            description = "Every section of the current release (in the locale asked for, or all) and any other the window counted: how often the "
                    + "actions of decisions cited it, how often agents opened it, the problem reports open on it now, its owner and whether its review "
                    + "is overdue. Opening a section names no channel or intent, so those filters narrow 'cited' only." + FILTERS)
    @GetMapping("/sections")
    InsightDtos.SectionsDto sections(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                                     @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                                     @RequestParam(name = "intent", required = false) @Size(max = 60) String intent,
                                     @RequestParam(name = "release", required = false) Integer release) {
        Insights.Filter f = filter(from, to, locale, channel, intent, release);
        return new InsightDtos.SectionsDto(InsightDtos.FilterDto.of(f), f.ignoredBy("sections"), insights.sections(f).stream().map(InsightDtos.SectionDto::of).toList());
    }

    @Operation(operationId = "gapInsights", summary = "Knowledge gaps: searches that found nothing, customers' words no section matched",
            description = "Grouped by normalised terms (folded, common words left out, each word once, sorted), most frequent first, with the day last "
                    + "seen and examples as written. Searches name no channel, intent or release." + FILTERS)
    @GetMapping("/gaps")
    InsightDtos.GapsDto gaps(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                             @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                             @RequestParam(name = "intent", required = false) @Size(max = 60) String intent,
                             @RequestParam(name = "release", required = false) Integer release) {
        Insights.Filter f = filter(from, to, locale, channel, intent, release);
        Insights.Gaps gaps = insights.gaps(f);
        return new InsightDtos.GapsDto(InsightDtos.FilterDto.of(f), f.ignoredBy("gaps"), gaps.searches(), gaps.unanswered(),
                gaps.items().stream().map(InsightDtos.GapDto::of).toList());
    }

    @Operation(operationId = "adherenceInsights", summary = "Draft violations by phrase, channel and ISO week",
            description = "How often each phrase of the phrase tables (or channel check) was flagged in drafts checked, per channel and ISO week, and "
                    + "how many drafts were checked: is a phrase getting rarer? Draft checks name no intent or release." + FILTERS)
    @GetMapping("/adherence")
    InsightDtos.AdherenceDto adherence(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                                       @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                                       @RequestParam(name = "intent", required = false) @Size(max = 60) String intent,
                                       @RequestParam(name = "release", required = false) Integer release) {
        Insights.Filter f = filter(from, to, locale, channel, intent, release);
        return InsightDtos.AdherenceDto.of(f, insights.adherence(f));
    }

    @Operation(operationId = "indicatorInsights", summary = "The manual's service indicators against its targets",
            description = "Each row of the manual's service-indicators table (in the locale asked for, or the first that has it) with its target and, "
                    + "for those Pauta measures from reported outcomes (FIRST_CONTACT_RESOLUTION, CSAT, AVG_HANDLE_TIME, and RESOLUTION_RATE, "
                    + "REPEAT_CONTACT_RATE, CONTACTS_PER_ISSUE when the table has them), the value, how many decisions it stands on and whether it meets "
                    + "the target." + FILTERS)
    @GetMapping("/indicators")
    InsightDtos.IndicatorsDto indicators(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                                         @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                                         @RequestParam(name = "intent", required = false) @Size(max = 60) String intent,
                                         @RequestParam(name = "release", required = false) Integer release) {
        Insights.Filter f = filter(from, to, locale, channel, intent, release);
        Insights.Indicators indicators = insights.indicators(f);
        return new InsightDtos.IndicatorsDto(InsightDtos.FilterDto.of(f), f.ignoredBy("indicators"), insights.tooFew(),
                InsightDtos.MeasuresDto.of(indicators.measures()), indicators.indicators().stream().map(InsightDtos.IndicatorDto::of).toList());
    }

    @Operation(operationId = "releaseInsights", summary = "The indicators per release, to compare before and after a publish",
            description = "The same indicators over the decisions each release gave in the window, with when it was published, the number of decisions "
                    + "and outcomes behind the figures, and tooFew when they are too few to mean anything." + FILTERS)
    @GetMapping("/releases")
    InsightDtos.ReleasesDto releases(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                                     @RequestParam(name = "channel", required = false) @Size(max = 40) String channel,
                                     @RequestParam(name = "intent", required = false) @Size(max = 60) String intent,
                                     @RequestParam(name = "release", required = false) Integer release) {
        Insights.Filter f = filter(from, to, locale, channel, intent, release);
        return new InsightDtos.ReleasesDto(InsightDtos.FilterDto.of(f), f.ignoredBy("releases"), insights.tooFew(),
                insights.releases(f).stream().map(InsightDtos.ReleaseDto::of).toList());
    }

    @Operation(operationId = "staleSections", summary = "Sections overdue for review, per owner",
            description = "Sections of the current release whose reviewBy date has passed, by owner and the longest overdue first. Marking one "
                    + "reviewed is a normal change of its reviewBy. Their count is the metric pauta.sections.review.overdue.")
    @GetMapping("/stale")
    InsightDtos.StaleListDto stale(@Parameter(example = "es") @RequestParam(name = "locale", required = false) @Size(max = 10) String locale,
                                   @Parameter(description = "Only this owner's sections.", example = "finanzas") @RequestParam(name = "owner", required = false)
                                   @Size(max = 120) String owner) {
        Insights.Filter f = filter(null, null, locale, null, null, null);
        return new InsightDtos.StaleListDto(f.locale(), insights.stale(f.locale()).stream()
                .filter(s -> owner == null || owner.isBlank() || owner.equals(s.owner())).map(InsightDtos.StaleDto::of).toList());
    }
}
