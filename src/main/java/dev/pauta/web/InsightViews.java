package dev.pauta.web;

import dev.pauta.insights.Insights;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * Turns each insight into what its page shows: the tables (which are also its CSV) and a bar chart where one helps, in
 * the reader's language. Stateless apart from the reader's locale; one per request.
 */
final class InsightViews {

    /** What one insight page shows: its tables, a chart (null for none) and a sentence above them (null for none). */
    record View(List<InsightTable> tables, BarChart chart, String summary) {
    }

    static final int CHART_BARS = 10;

    private final MessageSource messages;
    private final Locale locale;
    private final NumberFormat numbers;

    InsightViews(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.numbers = NumberFormat.getNumberInstance(locale);
        this.numbers.setMaximumFractionDigits(1);
    }

    View actions(List<Insights.ActionRow> rows) {
        List<List<InsightTable.Cell>> cells = new ArrayList<>();
        for (Insights.ActionRow r : rows) {
            Insights.Measures m = r.followed();
            cells.add(List.of(text(r.code()), text(r.rule()), number(r.shown()), number(r.used()), number(r.notRight()), text(reasons(r.notRightByReason())),
                    number(r.helpful()), number(r.notHelpful()), number(m.outcomes()), number(m.resolvedPercent()), number(m.firstContactPercent()),
                    number(m.satisfiedPercent()), number(m.csatMean())));
        }
        InsightTable table = new InsightTable("actions", message("insights.actions.caption"), List.of(col("insights.col.code"), col("insights.col.rule"),
                num("insights.col.shown"), num("insights.col.used"), num("insights.col.not-right"), col("insights.col.reasons"), num("insights.col.helpful"),
                num("insights.col.not-helpful"), num("insights.col.outcomes"), num("insights.col.resolved-percent"), num("insights.col.first-contact-percent"),
                num("insights.col.satisfied-percent"), num("insights.col.csat-mean")), cells);
        List<Insights.ActionRow> top = rows.stream().filter(r -> r.notRight() > 0).limit(CHART_BARS).toList();
        BarChart chart = top.isEmpty() ? null : BarChart.of(message("insights.actions.chart"), top.stream().map(r -> r.code() + " · " + r.rule()).toList(),
                top.stream().map(r -> (double) r.notRight()).toList(), top.stream().map(r -> numbers.format(r.notRight())).toList());
        return new View(List.of(table), chart, null);
    }

    View sections(List<Insights.SectionRow> rows) {
        List<List<InsightTable.Cell>> cells = new ArrayList<>();
        for (Insights.SectionRow r : rows) {
            cells.add(List.of(text(r.id()), text(r.locale()), text(r.title()), text(r.owner()), date(r.reviewBy()), yesNo(r.overdue()), number(r.cited()),
                    number(r.opened()), number(r.openReports())));
        }
        InsightTable table = new InsightTable("sections", message("insights.sections.caption"), List.of(col("insights.col.section"), col("insights.col.locale"),
                col("insights.col.title"), col("insights.col.owner"), col("insights.col.review-by"), col("insights.col.overdue"), num("insights.col.cited"),
                num("insights.col.opened"), num("insights.col.open-reports")), cells);
        List<Insights.SectionRow> top = rows.stream().filter(r -> r.cited() + r.opened() > 0).limit(CHART_BARS).toList();
        BarChart chart = top.isEmpty() ? null : BarChart.of(message("insights.sections.chart"), top.stream().map(r -> r.id() + " (" + r.locale() + ")").toList(),
                top.stream().map(r -> (double) (r.cited() + r.opened())).toList(), top.stream().map(r -> numbers.format(r.cited() + r.opened())).toList());
        return new View(List.of(table), chart, null);
    }

    View gaps(Insights.Gaps gaps) {
        List<List<InsightTable.Cell>> cells = new ArrayList<>();
        for (Insights.Gap g : gaps.items()) {
            cells.add(List.of(text(g.terms()), text(message("insights.source." + g.source())), text(g.locale()), number(g.occurrences()), date(g.lastSeen()),
                    text(String.join(" | ", g.examples()))));
        }
        InsightTable table = new InsightTable("gaps", message("insights.gaps.caption"), List.of(col("insights.col.terms"), col("insights.col.source"),
                col("insights.col.locale"), num("insights.col.occurrences"), col("insights.col.last-seen"), col("insights.col.examples")), cells);
        List<Insights.Gap> top = gaps.items().stream().limit(CHART_BARS).toList();
        BarChart chart = top.isEmpty() ? null : BarChart.of(message("insights.gaps.chart"), top.stream().map(Insights.Gap::terms).toList(),
                top.stream().map(g -> (double) g.occurrences()).toList(), top.stream().map(g -> numbers.format(g.occurrences())).toList());
        return new View(List.of(table), chart, message("insights.gaps.summary", numbers.format(gaps.searches()), numbers.format(gaps.unanswered())));
    }

    View adherence(Insights.Adherence adherence) {
        List<List<InsightTable.Cell>> phrases = new ArrayList<>();
        for (Insights.PhraseWeek p : adherence.phrases()) {
            phrases.add(List.of(text(p.phrase()), text(p.week()), text(channel(p.channel())), number(p.violations())));
        }
        List<List<InsightTable.Cell>> checks = new ArrayList<>();
        for (Insights.CheckWeek c : adherence.checks()) {
            checks.add(List.of(text(c.week()), text(channel(c.channel())), number(c.checks()), number(c.flagged())));
        }
        InsightTable byPhrase = new InsightTable("adherence", message("insights.adherence.caption"), List.of(col("insights.col.phrase"),
                col("insights.col.week"), col("insights.col.channel"), num("insights.col.violations")), phrases);
        InsightTable byWeek = new InsightTable("checks", message("insights.adherence.checks-caption"), List.of(col("insights.col.week"),
                col("insights.col.channel"), num("insights.col.checks"), num("insights.col.flagged")), checks);
        Map<String, Long> perWeek = adherence.phrases().stream().collect(Collectors.groupingBy(Insights.PhraseWeek::week, TreeMap::new,
                Collectors.summingLong(Insights.PhraseWeek::violations)));
        BarChart chart = perWeek.isEmpty() ? null : BarChart.of(message("insights.adherence.chart"), List.copyOf(perWeek.keySet()),
                perWeek.values().stream().map(Long::doubleValue).toList(), perWeek.values().stream().map(numbers::format).toList());
        return new View(List.of(byPhrase, byWeek), chart, null);
    }

    View indicators(Insights.Indicators indicators) {
        List<List<InsightTable.Cell>> cells = new ArrayList<>();
        for (Insights.Indicator i : indicators.indicators()) {
            cells.add(indicatorRow(i));
        }
        InsightTable table = new InsightTable("indicators", message("insights.indicators.caption"), indicatorColumns(), cells);
        List<Insights.Indicator> measured = indicators.indicators().stream().filter(i -> i.value() != null && "%".equals(i.unit())).toList();
        BarChart chart = measured.isEmpty() ? null : BarChart.of(message("insights.indicators.chart"), measured.stream().map(Insights.Indicator::label).toList(),
                measured.stream().map(Insights.Indicator::value).toList(),
                measured.stream().map(i -> message("insights.indicators.value-of-target", numbers.format(i.value()), numbers.format(i.target()))).toList());
        return new View(List.of(table), chart, message("insights.indicators.summary", numbers.format(indicators.measures().decisions()),
                numbers.format(indicators.measures().outcomes())));
    }

    View releases(List<Insights.ReleaseRow> rows, int tooFew) {
        List<List<InsightTable.Cell>> cells = new ArrayList<>();
        for (Insights.ReleaseRow r : rows) {
            Insights.Measures m = r.measures();
            cells.add(List.of(number(r.release()), instant(r.publishedAt()), text(r.message()), number(m.decisions()), number(m.outcomes()),
                    number(m.firstContactPercent()), number(m.satisfiedPercent()), number(m.csatMean()), number(m.resolvedPercent()),
                    text(r.tooFew() ? message("insights.too-few") : "")));
        }
        InsightTable table = new InsightTable("releases", message("insights.releases.caption"), List.of(num("insights.col.release"),
                col("insights.col.published"), col("insights.col.message"), num("insights.col.decisions"), num("insights.col.outcomes"),
                num("insights.col.first-contact-percent"), num("insights.col.satisfied-percent"), num("insights.col.csat-mean"),
                num("insights.col.resolved-percent"), col("insights.col.warning")), cells);
        List<Insights.ReleaseRow> measured = rows.stream().filter(r -> r.measures().firstContactPercent() != null).toList();
        BarChart chart = measured.isEmpty() ? null : BarChart.of(message("insights.releases.chart"),
                measured.stream().map(r -> message("insights.release", r.release()) + (r.tooFew() ? " *" : "")).toList(),
                measured.stream().map(r -> r.measures().firstContactPercent()).toList(),
                measured.stream().map(r -> numbers.format(r.measures().firstContactPercent()) + " %").toList());
        return new View(List.of(table), chart, message("insights.releases.summary", tooFew));
    }

    View stale(List<Insights.StaleSection> rows) {
        List<List<InsightTable.Cell>> cells = new ArrayList<>();
        for (Insights.StaleSection s : rows) {
            cells.add(List.of(text(s.owner()), text(s.section()), text(s.locale()), text(s.title()), date(s.reviewBy()), number(s.daysOverdue())));
        }
        return new View(List.of(new InsightTable("stale", message("insights.stale.caption"), List.of(col("insights.col.owner"), col("insights.col.section"),
                col("insights.col.locale"), col("insights.col.title"), col("insights.col.review-by"), num("insights.col.days-overdue")), cells)), null, null);
    }

    private List<InsightTable.Column> indicatorColumns() {
        return List.of(col("insights.col.code"), col("insights.col.indicator"), num("insights.col.target"), col("insights.col.unit"),
                num("insights.col.value"), num("insights.col.based-on"), col("insights.col.meets-target"));
    }

    private List<InsightTable.Cell> indicatorRow(Insights.Indicator i) {
        String meets = !i.measured() ? message("insights.not-measured") : i.meetsTarget() == null ? "" : message(i.meetsTarget() ? "insights.yes" : "insights.no");
        if (i.tooFew() && i.value() != null) {
            meets = meets + " (" + message("insights.too-few") + ")";
        }
        return List.of(text(i.code()), text(i.label()), i.target() == null ? text(null) : number(i.target().doubleValue()), text(i.unit()), number(i.value()),
                number(i.basedOn()), text(meets));
    }

    private String reasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream().map(e -> (e.getKey().isEmpty() ? message("insights.no-reason") : e.getKey()) + " " + numbers.format(e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    private String channel(String code) {
        return code.isEmpty() ? message("insights.no-channel") : code;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static InsightTable.Column col(String key) {
        return new InsightTable.Column(key, false);
    }

    private static InsightTable.Column num(String key) {
        return new InsightTable.Column(key, true);
    }

    private static InsightTable.Cell text(String value) {
        return value == null ? new InsightTable.Cell("—", "") : new InsightTable.Cell(value, value);
    }

    private InsightTable.Cell number(long value) {
        return new InsightTable.Cell(numbers.format(value), Long.toString(value));
    }

    private InsightTable.Cell number(Double value) {
        return value == null ? new InsightTable.Cell("—", "") : new InsightTable.Cell(numbers.format(value), plain(value));
    }

    private InsightTable.Cell yesNo(boolean value) {
        String word = message(value ? "insights.yes" : "insights.no");
        return new InsightTable.Cell(word, Boolean.toString(value));
    }

    private static InsightTable.Cell date(LocalDate day) {
        return day == null ? new InsightTable.Cell("—", "") : new InsightTable.Cell(day.toString(), day.toString());
    }

    private static InsightTable.Cell instant(Instant at) {
        if (at == null) {
            return new InsightTable.Cell("—", "");
        }
        String day = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return new InsightTable.Cell(day, at.toString());
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
