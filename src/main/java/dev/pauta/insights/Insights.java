package dev.pauta.insights;

import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.Views;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.guidance.Vocabulary;
import dev.pauta.manual.PolicyTable;
import dev.pauta.manual.Section;
import dev.pauta.manual.TableRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What the manual learns from: the API and the pages report here what agents search, open and get flagged in their
 * drafts, and owners read the insights rolled up from those events, the decision log, feedback, outcomes and problem
 * reports: per action and rule, per section, knowledge gaps, adherence, the manual's service indicators, releases
 * compared, and sections overdue for review. Every read first counts what arrived since the last rollup (incrementally,
 * never by scanning the log), then reads the daily rollups of its window. Recording never fails the agent's request it
 * comes from. Thread-safe.
 */
public class Insights {

    /** The manual's table of service indicators, with a target per code. */
    public static final String INDICATORS_TABLE = "service-indicators";

    /** The filters each insight applies; the others are not recorded with what it counts (a search names no intent, say). */
    public static final Map<String, Set<String>> APPLIES = Map.of(
            "actions", Set.of("from", "to", "locale", "channel", "intent", "release"),
            "sections", Set.of("from", "to", "locale", "channel", "intent", "release"),
            "gaps", Set.of("from", "to", "locale"),
            "adherence", Set.of("from", "to", "locale", "channel"),
            "indicators", Set.of("from", "to", "locale", "channel", "intent", "release"),
            "releases", Set.of("from", "to", "locale", "channel", "intent", "release"),
            "stale", Set.of("locale"));

    /**
     * The window (first and last day, UTC, both included) and the dimensions an insight is narrowed to; a null dimension
     * means all. Made by {@link Insights#filter}, which checks it.
     */
    public record Filter(LocalDate from, LocalDate to, String locale, String channel, String intent, Integer release) {

        /** The filters set here that {@code insight} does not apply. */
        public List<String> ignoredBy(String insight) {
            Set<String> applies = APPLIES.getOrDefault(insight, Set.of());
            List<String> ignored = new ArrayList<>();
            if (locale != null && !applies.contains("locale")) {
                ignored.add("locale");
            }
            if (channel != null && !applies.contains("channel")) {
                ignored.add("channel");
            }
            if (intent != null && !applies.contains("intent")) {
                ignored.add("intent");
            }
            if (release != null && !applies.contains("release")) {
                ignored.add("release");
            }
            return ignored;
        }
    }

    /** A filter that cannot be applied as sent; {@code errors} maps each parameter at fault to what is wrong with it. */
    public static class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super(String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
            this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /**
     * Sums over a set of decisions and the outcomes reported for them. Each rate is over the outcomes that reported its
     * field ({@code …Known}), and null when none did; {@code satisfied} counts scores of 4 or 5, as the manual measures CSAT.
     */
    public record Measures(long decisions, long outcomes, long resolved, long resolvedKnown, long firstContact, long firstContactKnown, long csatSum,
                           long csatCount, long satisfied, long contactsSum, long contactsCount, long repeatContacts, long handleSum, long handleCount) {

        static final Measures NONE = new Measures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Double resolvedPercent() {
            return percent(resolved, resolvedKnown);
        }

        public Double firstContactPercent() {
            return percent(firstContact, firstContactKnown);
        }

        public Double satisfiedPercent() {
            return percent(satisfied, csatCount);
        }

        public Double csatMean() {
            return mean(csatSum, csatCount, 100);
        }

        /** Outcomes whose issue took two contacts or more, over those that reported contacts. */
        public Double repeatContactPercent() {
            return percent(repeatContacts, contactsCount);
        }

        public Double contactsMean() {
            return mean(contactsSum, contactsCount, 100);
        }

        public Double handleSecondsMean() {
            return mean(handleSum, handleCount, 1);
        }

        private static Double percent(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
        }

        private static Double mean(long sum, long count, int scale) {
            return count == 0 ? null : (double) Math.round((double) scale * sum / count) / scale;
        }
    }

    /** One action code and the rule that proposed it: how often shown, used, not right (by reason; '' for none given), helpful, and what followed. */
    public record ActionRow(String code, String rule, long shown, long used, long notRight, Map<String, Long> notRightByReason, long helpful, long notHelpful,
                            Measures followed) {
    }

    /** One section: the manual's front matter in the current release (null title and owner when it no longer has it), cited, opened, reports open. */
    public record SectionRow(String id, String locale, String title, String owner, LocalDate reviewBy, boolean overdue, long cited, long opened,
                             long openReports) {
    }

    /** A knowledge gap: normalised terms searched without a hit (SEARCH) or customers' words no section matched (CUSTOMER). */
    public record Gap(String source, String locale, String terms, long occurrences, LocalDate lastSeen, List<String> examples) {
    }

    /** The gaps of a window, most frequent first, and how many searches there were and found nothing. */
    public record Gaps(long searches, long unanswered, List<Gap> items) {
    }

    /** Violations of one phrase or check in drafts for one channel ('' for none) in one ISO week ("2026-W48"). */
    public record PhraseWeek(String week, String channel, String phrase, long violations) {
    }

    /** Drafts checked for one channel in one ISO week, and how many had something flagged. */
    public record CheckWeek(String week, String channel, long checks, long flagged) {
    }

    /** Adherence to the phrase tables: violations by phrase, channel and week, and the checks they are out of. */
    public record Adherence(List<PhraseWeek> phrases, List<CheckWeek> checks) {
    }

    /**
     * One row of the manual's service-indicators table against what the outcomes show: {@code value} in the table's unit,
     * null when Pauta cannot measure it from outcomes ({@code measured} false) or nothing reported it; {@code basedOn}
     * decisions whose outcome reported what it needs; {@code meetsTarget} null when there is no value or the target is a
     * guideline rather than a floor or a ceiling.
     */
    public record Indicator(String code, String label, BigDecimal target, String unit, String direction, boolean measured, Double value, long basedOn,
                            boolean tooFew, Boolean meetsTarget) {
    }

    /** The indicators of a window, and the sums they come from. */
    public record Indicators(Measures measures, List<Indicator> indicators) {
    }

    /** The indicators over the decisions one release gave, with when it was published; {@code tooFew} when too few outcomes stand behind them. */
    public record ReleaseRow(int release, Instant publishedAt, String message, Measures measures, boolean tooFew, List<Indicator> indicators) {
    }

    /** A section whose review date has passed, for its owner. */
    public record StaleSection(String owner, String section, String locale, String title, LocalDate reviewBy, long daysOverdue) {
    }

    private final UsageEvents events;
    private final Rollup rollup;
    private final InsightQueries queries;
    private final SnapshotHolder holder;
    private final Authoring authoring;
    private final Clock clock;
    private final InsightsProperties properties;

    Insights(UsageEvents events, Rollup rollup, InsightQueries queries, SnapshotHolder holder, Authoring authoring, Clock clock,
             InsightsProperties properties) {
        this.events = events;
        this.rollup = rollup;
        this.queries = queries;
        this.holder = holder;
        this.authoring = authoring;
        this.clock = clock;
        this.properties = properties;
    }

    // --- what agents do

    /**
     * A search of the manual and how many sections it found; a search that found none is a knowledge gap. A blank query
     * (listing every section) is not counted. {@code locale} null or blank is the default one; {@code caller} says who
     * searched, which the insights do not keep: they count searches, not people.
     */
    public void searched(String query, String locale, long hits, String caller) {
        events.searched(query, locale, hits);
    }

    /** A section opened to be read, in the release being served; {@code caller} is not kept. */
    public void opened(String sectionId, String locale, String caller) {
        events.opened(sectionId, locale);
    }

    /**
     * A draft checked for a channel (null for none) and what was flagged in it: for a phrase of the phrase tables, the
     * phrase as the table writes it; for a channel check, the check's code ({@code shouting}, {@code greeting},
     * {@code closing}, {@code maxChars}), never the draft's own words. An empty list is a clean draft, counted too.
     */
    public void checked(String locale, String channel, List<String> phrasesFlagged) {
        events.checked(locale, channel, phrasesFlagged);
    }

    // --- what owners read

    /**
     * Checks and completes a filter: {@code to} defaults to today (UTC) and {@code from} to 29 days before it; codes must be
     * ones the current release defines (in {@code locale} when one is named), the release one that exists.
     *
     * @throws Invalid              when from is after to, the window is longer than the configured maximum, or the release is out of range
     * @throws UnknownCodeException when the locale, channel or intent is not a code of the current release
     */
    public Filter filter(LocalDate from, LocalDate to, String locale, String channel, String intent, Integer release) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        Map<String, String> errors = new LinkedHashMap<>();
        if (first.isAfter(last)) {
            errors.put("from", "must be on or before to (" + last + "), not " + first);
        } else if (ChronoUnit.DAYS.between(first, last) + 1 > properties.maxDays()) {
            errors.put("from", "the window may cover at most " + properties.maxDays() + " days, not " + (ChronoUnit.DAYS.between(first, last) + 1));
        }
        Snapshot snapshot = holder.current();
        int current = snapshot.release().number();
        if (release != null && (release < 1 || release > current)) {
            errors.put("release", "must be from 1 to " + current + ", the current release, not " + release);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String l = blank(locale);
        if (l != null && !snapshot.locales().contains(l)) {
            throw new UnknownCodeException("locale", l, snapshot.locales());
        }
        List<Vocabulary> vocabularies = l == null ? List.copyOf(snapshot.vocabularies().values()) : List.of(snapshot.vocabularies().get(l));
        String c = known("channel", blank(channel), vocabularies, Vocabulary::channels);
        String i = known("intent", blank(intent), vocabularies, Vocabulary::intents);
        return new Filter(first, last, l, c, i, release);
    }

    /** Per action code and rule, the guidance agents reject most first. */
    public List<ActionRow> actions(Filter filter) {
        rollup.catchUp();
        return queries.actions(filter).stream()
                .sorted(Comparator.comparingLong(ActionRow::notRight).reversed().thenComparing(Comparator.comparingLong(ActionRow::shown).reversed())
                        .thenComparing(ActionRow::code).thenComparing(ActionRow::rule))
                .toList();
    }

    /**
     * Every section of the current release (in the filter's locale, or all), and any other section the window counted,
     * with its owner, whether its review is overdue, how often cited and opened, and the problem reports still open on it;
     * the most cited and opened first.
     */
    public List<SectionRow> sections(Filter filter) {
        rollup.catchUp();
        Snapshot snapshot = holder.current();
        LocalDate today = today();
        Map<List<String>, long[]> counts = queries.sectionCounts(filter);
        Map<List<String>, SectionRow> rows = new LinkedHashMap<>();
        for (Section s : snapshot.manual().allSections()) {
            if (filter.locale() == null || filter.locale().equals(s.locale())) {
                long[] c = counts.getOrDefault(List.of(s.locale(), s.id()), new long[3]);
                rows.put(List.of(s.locale(), s.id()), new SectionRow(s.id(), s.locale(), s.title(), s.owner(), s.reviewBy(),
                        s.reviewBy() != null && s.reviewBy().isBefore(today), c[0], c[1], c[2]));
            }
        }
        counts.forEach((key, c) -> rows.computeIfAbsent(key, k -> new SectionRow(k.get(1), k.get(0), null, null, null, false, c[0], c[1], c[2])));
        return rows.values().stream()
                .sorted(Comparator.comparingLong((SectionRow r) -> r.cited() + r.opened()).reversed().thenComparing(SectionRow::locale)
                        .thenComparing(SectionRow::id))
                .toList();
    }

    /** Knowledge gaps, the most frequent first, at most {@value InsightQueries#MAX_GAPS}. */
    public Gaps gaps(Filter filter) {
        rollup.catchUp();
        return queries.gaps(filter);
    }

    /** Draft violations by phrase (or check), channel and ISO week, with the checks they are out of. */
    public Adherence adherence(Filter filter) {
        rollup.catchUp();
        return queries.adherence(filter);
    }

    /** The service indicators the manual defines (in the filter's locale, or the default one), computed from the outcomes of the window. */
    public Indicators indicators(Filter filter) {
        rollup.catchUp();
        Measures measures = queries.measures(filter);
        return new Indicators(measures, indicatorsOf(measures, filter.locale()));
    }

    /** The same indicators per release whose decisions fall in the window, oldest release first. */
    public List<ReleaseRow> releases(Filter filter) {
        rollup.catchUp();
        Map<Integer, Views.ReleaseView> published = authoring.releases().stream().collect(Collectors.toMap(Views.ReleaseView::number, Function.identity()));
        List<ReleaseRow> rows = new ArrayList<>();
        queries.measuresByRelease(filter).forEach((release, measures) -> {
            Views.ReleaseView view = published.get(release);
            rows.add(new ReleaseRow(release, view == null ? null : view.createdAt(), view == null ? null : view.message(), measures,
                    measures.outcomes() < properties.tooFew(), indicatorsOf(measures, filter.locale())));
        });
        rows.sort(Comparator.comparingInt(ReleaseRow::release));
        return rows;
    }

    /** Sections of the current release whose review date has passed (in {@code locale}, or all when null), by owner, the longest overdue first. */
    public List<StaleSection> stale(String locale) {
        LocalDate today = today();
        return holder.current().manual().allSections().stream()
                .filter(s -> locale == null || locale.equals(s.locale()))
                .filter(s -> s.reviewBy() != null && s.reviewBy().isBefore(today))
                .map(s -> new StaleSection(s.owner(), s.id(), s.locale(), s.title(), s.reviewBy(), ChronoUnit.DAYS.between(s.reviewBy(), today)))
                .sorted(Comparator.comparing(StaleSection::owner).thenComparing(Comparator.comparingLong(StaleSection::daysOverdue).reversed())
                        .thenComparing(StaleSection::section).thenComparing(StaleSection::locale))
                .toList();
    }

    /** How many sections of the current release, in every locale, are overdue for review. */
    public int overdueSections() {
        return holder.maybeCurrent().map(snapshot -> (int) snapshot.manual().allSections().stream()
                .filter(s -> s.reviewBy() != null && s.reviewBy().isBefore(today())).count()).orElse(0);
    }

    /** The owners the sections of the current release name, sorted. */
    public List<String> owners() {
        return holder.current().manual().allSections().stream().map(Section::owner).filter(o -> o != null && !o.isBlank()).distinct().sorted().toList();
    }

    /** The threshold under which a figure stands on too few decisions to mean anything. */
    public int tooFew() {
        return properties.tooFew();
    }

    /** Counts now what arrived since the last rollup; every read does this first. */
    public void refresh() {
        rollup.catchUp();
    }

    private List<Indicator> indicatorsOf(Measures measures, String locale) {
        Snapshot snapshot = holder.current();
        String l = locale != null ? locale : snapshot.manual().locales().stream()
                .filter(x -> snapshot.manual().table(x, INDICATORS_TABLE).isPresent()).findFirst().orElse(null);
        if (l == null) {
            return List.of();
        }
        PolicyTable table = snapshot.manual().table(l, INDICATORS_TABLE).orElse(null);
        if (table == null) {
            return List.of();
        }
        List<Indicator> indicators = new ArrayList<>();
        for (TableRow row : table.rows()) {
            String code = row.text("code").strip();
            BigDecimal target = row.number("target");
            Measured measured = Measured.BY_CODE.get(code);
            if (measured == null) {
                indicators.add(new Indicator(code, row.text("label"), target, row.text("unit"), null, false, null, 0, false, null));
                continue;
            }
            Double value = measured.value.apply(measures);
            long basedOn = measured.basedOn.applyAsLong(measures);
            Boolean meets = value == null || target == null ? null : switch (measured.direction) {
                case "AT_LEAST" -> value >= target.doubleValue();
                case "AT_MOST" -> value <= target.doubleValue();
                default -> null;
            };
            indicators.add(new Indicator(code, row.text("label"), target, row.text("unit"), measured.direction, true, value, basedOn,
                    basedOn < properties.tooFew(), meets));
        }
        return indicators;
    }

    /** The indicator codes Pauta measures from outcomes, in the unit the manual's table states for them. */
    private record Measured(String direction, Function<Measures, Double> value, ToLongFunction<Measures> basedOn) {
        static final Map<String, Measured> BY_CODE = Map.of(
                "FIRST_CONTACT_RESOLUTION", new Measured("AT_LEAST", Measures::firstContactPercent, Measures::firstContactKnown),
                "CSAT", new Measured("AT_LEAST", Measures::satisfiedPercent, Measures::csatCount),
                "AVG_HANDLE_TIME", new Measured("GUIDELINE", Measures::handleSecondsMean, Measures::handleCount),
                "RESOLUTION_RATE", new Measured("AT_LEAST", Measures::resolvedPercent, Measures::resolvedKnown),
                "REPEAT_CONTACT_RATE", new Measured("AT_MOST", Measures::repeatContactPercent, Measures::contactsCount),
                "CONTACTS_PER_ISSUE", new Measured("AT_MOST", Measures::contactsMean, Measures::contactsCount));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String known(String field, String code, List<Vocabulary> vocabularies, Function<Vocabulary, Map<String, String>> codes) {
        if (code == null) {
            return null;
        }
        Set<String> known = new TreeSet<>();
        vocabularies.forEach(v -> known.addAll(codes.apply(v).keySet()));
        if (!known.contains(code)) {
            throw new UnknownCodeException(field, code, known);
        }
        return code;
    }

    static <K> Map<K, Long> sorted(Map<K, Long> map) {
        Map<K, Long> copy = new LinkedHashMap<>();
        map.entrySet().stream().sorted(Map.Entry.<K, Long>comparingByValue().reversed()).forEach(e -> copy.put(e.getKey(), e.getValue()));
        return copy;
    }
}
