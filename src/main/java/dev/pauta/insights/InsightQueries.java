package dev.pauta.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the daily rollups of a window: sums grouped by what each insight shows, with the filter's dimensions in the
 * where clause wherever the table records them. Reads only; the rollup writes. Thread-safe.
 */
final class InsightQueries {

    /** The most gaps one read returns. */
    static final int MAX_GAPS = 200;

    private static final String MEASURES = "sum(decisions), sum(outcomes), sum(resolved), sum(resolved_known), sum(first_contact), sum(first_contact_known), "
            + "sum(csat_sum), sum(csat_count), sum(satisfied), sum(contacts_sum), sum(contacts_count), sum(repeat_contacts), sum(handle_sum), sum(handle_count)";

    private final JdbcClient jdbc;

    InsightQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A where clause over the window and those of the filter's dimensions a table records. */
    private record Where(String sql, List<Object> params) {

        static Where of(Insights.Filter f, boolean channel, boolean intent, boolean release) {
            StringBuilder sql = new StringBuilder(" where utc_day between ? and ?");
            List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
            add(sql, params, "locale", f.locale(), true);
            add(sql, params, "channel", f.channel(), channel);
            add(sql, params, "intent", f.intent(), intent);
            add(sql, params, "release_number", f.release(), release);
            return new Where(sql.toString(), params);
        }

        private static void add(StringBuilder sql, List<Object> params, String column, Object value, boolean recorded) {
            if (value != null && recorded) {
                sql.append(" and ").append(column).append(" = ?");
                params.add(value);
            }
        }
    }

    List<Insights.ActionRow> actions(Insights.Filter f) {
        Where where = Where.of(f, true, true, true);
        Map<List<String>, Map<String, Long>> reasons = new HashMap<>();
        jdbc.sql("select code, rule, reason, sum(rejected) from insight_reason_day" + where.sql() + " group by code, rule, reason").params(where.params())
                .query(rs -> {
                    reasons.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new HashMap<>()).merge(rs.getString(3), rs.getLong(4), Long::sum);
                });
        return jdbc.sql("select code, rule, sum(shown), sum(used), sum(not_right), sum(helpful), sum(unhelpful), sum(outcomes), sum(resolved), "
                        + "sum(resolved_known), sum(first_contact), sum(first_contact_known), sum(csat_sum), sum(csat_count), sum(satisfied) "
                        + "from insight_action_day" + where.sql() + " group by code, rule")
                .params(where.params())
                .query((rs, n) -> {
                    long shown = rs.getLong(3);
                    Insights.Measures followed = new Insights.Measures(shown, rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                            rs.getLong(13), rs.getLong(14), rs.getLong(15), 0, 0, 0, 0, 0);
                    List<String> key = List.of(rs.getString(1), rs.getString(2));
                    return new Insights.ActionRow(key.get(0), key.get(1), shown, rs.getLong(4), rs.getLong(5),
                            Insights.sorted(reasons.getOrDefault(key, Map.of())), rs.getLong(6), rs.getLong(7), followed);
                })
                .list();
    }

    /** By [locale, section]: cited, opened, problem reports open (these whatever the window, since they are open now). */
    Map<List<String>, long[]> sectionCounts(Insights.Filter f) {
        Map<List<String>, long[]> counts = new HashMap<>();
        Where cited = Where.of(f, true, true, true);
        jdbc.sql("select locale, section, sum(cited) from insight_section_day" + cited.sql() + " group by locale, section").params(cited.params())
                .query(rs -> {
                    counts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new long[3])[0] += rs.getLong(3);
                });
        Where opened = Where.of(f, false, false, true);
        jdbc.sql("select locale, section, sum(opened) from insight_open_day" + opened.sql() + " group by locale, section").params(opened.params())
                .query(rs -> {
                    counts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new long[3])[1] += rs.getLong(3);
                });
        List<Object> params = new ArrayList<>();
        String locale = "";
        if (f.locale() != null) {
            locale = " and locale = ?";
            params.add(f.locale());
        }
        jdbc.sql("select locale, section, count(*) from suggestion where status = 'OPEN'" + locale + " group by locale, section").params(params)
                .query(rs -> {
                    counts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new long[3])[2] += rs.getLong(3);
                });
        return counts;
    }

    Insights.Gaps gaps(Insights.Filter f) {
        Where where = Where.of(f, false, false, false);
        long[] totals = jdbc.sql("select coalesce(sum(searches), 0), coalesce(sum(unanswered), 0) from insight_search_day" + where.sql())
                .params(where.params()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<Insights.Gap> gaps = jdbc.sql("select source, locale, terms, sum(occurrences) as n, max(utc_day), min(example), max(example) from insight_gap_day"
                        + where.sql() + " group by source, locale, terms order by n desc, terms fetch first " + MAX_GAPS + " rows only")
                .params(where.params())
                .query((rs, n) -> new Insights.Gap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5, LocalDate.class),
                        Stream.of(rs.getString(6), rs.getString(7)).filter(Objects::nonNull).distinct().toList()))
                .list();
        return new Insights.Gaps(totals[0], totals[1], gaps);
    }

    Insights.Adherence adherence(Insights.Filter f) {
        Where where = Where.of(f, true, false, false);
        Map<List<String>, Long> phrases = new TreeMap<>(InsightQueries::compare);
        jdbc.sql("select utc_day, channel, phrase, sum(violations) from insight_phrase_day" + where.sql() + " group by utc_day, channel, phrase")
                .params(where.params())
                .query(rs -> {
                    phrases.merge(List.of(week(rs.getObject(1, LocalDate.class)), rs.getString(2), rs.getString(3)), rs.getLong(4), Long::sum);
                });
        Map<List<String>, long[]> checks = new TreeMap<>(InsightQueries::compare);
        jdbc.sql("select utc_day, channel, sum(checks), sum(flagged) from insight_check_day" + where.sql() + " group by utc_day, channel")
                .params(where.params())
                .query(rs -> {
                    long[] c = checks.computeIfAbsent(List.of(week(rs.getObject(1, LocalDate.class)), rs.getString(2)), k -> new long[2]);
                    c[0] += rs.getLong(3);
                    c[1] += rs.getLong(4);
                });
        return new Insights.Adherence(
                phrases.entrySet().stream().map(e -> new Insights.PhraseWeek(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue())).toList(),
                checks.entrySet().stream().map(e -> new Insights.CheckWeek(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1])).toList());
    }

    Insights.Measures measures(Insights.Filter f) {
        Where where = Where.of(f, true, true, true);
        return jdbc.sql("select " + MEASURES + " from insight_outcome_day" + where.sql()).params(where.params()).query((rs, n) -> measures(rs, 1)).single();
    }

    Map<Integer, Insights.Measures> measuresByRelease(Insights.Filter f) {
        Where where = Where.of(f, true, true, true);
        Map<Integer, Insights.Measures> byRelease = new TreeMap<>();
        jdbc.sql("select release_number, " + MEASURES + " from insight_outcome_day" + where.sql() + " group by release_number").params(where.params())
                .query(rs -> {
                    byRelease.put(rs.getInt(1), measures(rs, 2));
                });
        return byRelease;
    }

    private static Insights.Measures measures(ResultSet rs, int first) throws SQLException {
        long[] v = new long[14];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(first + i);
        }
        return new Insights.Measures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }

    /** The ISO week of a day, as "2026-W48". */
    static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
