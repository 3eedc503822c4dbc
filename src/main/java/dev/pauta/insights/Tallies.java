package dev.pauta.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changes to the daily rollup tables gathered in memory, one sum per row key, then written with one update per row that
 * exists and one insert per row that does not. Written by one rollup at a time (the caller holds the rollup's lock), so
 * an update that finds no row can insert it without a race. Not thread-safe.
 */
final class Tallies {

    /** A daily rollup table: its key columns, the counts it adds up, and the columns written only with a new row. */
    enum Table {
        ACTION("insight_action_day", List.of("utc_day", "locale", "channel", "intent", "release_number", "code", "rule"),
                List.of("shown", "used", "not_right", "helpful", "unhelpful", "outcomes", "resolved", "resolved_known", "first_contact",
                        "first_contact_known", "csat_sum", "csat_count", "satisfied"), List.of()),
        REASON("insight_reason_day", List.of("utc_day", "locale", "channel", "intent", "release_number", "code", "rule", "reason"),
                List.of("rejected"), List.of()),
        OUTCOME("insight_outcome_day", List.of("utc_day", "locale", "channel", "intent", "release_number"),
                List.of("decisions", "outcomes", "resolved", "resolved_known", "first_contact", "first_contact_known", "csat_sum", "csat_count",
                        "satisfied", "contacts_sum", "contacts_count", "repeat_contacts", "handle_sum", "handle_count"), List.of()),
        SECTION("insight_section_day", List.of("utc_day", "locale", "channel", "intent", "release_number", "section"), List.of("cited"), List.of()),
        OPEN("insight_open_day", List.of("utc_day", "locale", "release_number", "section"), List.of("opened"), List.of()),
        SEARCH("insight_search_day", List.of("utc_day", "locale"), List.of("searches", "unanswered"), List.of()),
        GAP("insight_gap_day", List.of("utc_day", "locale", "source", "terms"), List.of("occurrences"), List.of("example")),
        CHECK("insight_check_day", List.of("utc_day", "locale", "channel"), List.of("checks", "flagged"), List.of()),
        PHRASE("insight_phrase_day", List.of("utc_day", "locale", "channel", "phrase"), List.of("violations"), List.of());

        final String name;
        final List<String> keys;
        final List<String> counts;
        final List<String> texts;

        Table(String name, List<String> keys, List<String> counts, List<String> texts) {
            this.name = name;
            this.keys = keys;
            this.counts = counts;
            this.texts = texts;
        }

        String update() {
            return "update " + name + " set " + counts.stream().map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", ")) + " where "
                    + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and "));
        }

        String insert() {
            List<String> columns = Stream.of(keys, counts, texts).flatMap(List::stream).toList();
            return "insert into " + name + " (" + String.join(", ", columns) + ") values (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    private static final class Row {
        final long[] counts;
        final Object[] texts;

        Row(int counts, int texts) {
            this.counts = new long[counts];
            this.texts = new Object[texts];
        }
    }

    private final Map<Table, Map<List<Object>, Row>> rows = new EnumMap<>(Table.class);

    /** Adds {@code sign} times {@code counts} (in the table's order) to the row {@code key}; {@code texts} go into a new row only. */
    void add(Table table, List<Object> key, int sign, long[] counts, Object... texts) {
        if (key.size() != table.keys.size() || counts.length != table.counts.size() || texts.length > table.texts.size()) {
            throw new IllegalArgumentException(table.name + " takes " + table.keys.size() + " keys and " + table.counts.size() + " counts");
        }
        Row row = rows.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Row(counts.length, table.texts.size()));
        for (int i = 0; i < counts.length; i++) {
            row.counts[i] += sign * counts[i];
        }
        for (int i = 0; i < texts.length; i++) {
            if (row.texts[i] == null) {
                row.texts[i] = texts[i];
            }
        }
    }

    boolean isEmpty() {
        return rows.values().stream().allMatch(Map::isEmpty);
    }

    /** Writes every row whose counts changed; rows whose changes cancel out are left as they are. */
    void write(JdbcTemplate jdbc) {
        rows.forEach((table, byKey) -> {
            List<Map.Entry<List<Object>, Row>> changed = byKey.entrySet().stream().filter(e -> Arrays.stream(e.getValue().counts).anyMatch(c -> c != 0))
                    .toList();
            if (changed.isEmpty()) {
                return;
            }
            List<Object[]> updates = new ArrayList<>(changed.size());
            for (Map.Entry<List<Object>, Row> e : changed) {
                Object[] args = new Object[table.counts.size() + table.keys.size()];
                for (int i = 0; i < table.counts.size(); i++) {
                    args[i] = e.getValue().counts[i];
                }
                for (int i = 0; i < table.keys.size(); i++) {
                    args[table.counts.size() + i] = e.getKey().get(i);
                }
                updates.add(args);
            }
            int[] updated = jdbc.batchUpdate(table.update(), updates);
            List<Object[]> inserts = new ArrayList<>();
            for (int i = 0; i < changed.size(); i++) {
                if (updated[i] == 0) {
                    Map.Entry<List<Object>, Row> e = changed.get(i);
                    List<Object> args = new ArrayList<>(e.getKey());
                    Arrays.stream(e.getValue().counts).forEach(args::add);
                    args.addAll(Arrays.asList(e.getValue().texts));
                    inserts.add(args.toArray());
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(table.insert(), inserts);
            }
        });
        rows.clear();
    }
}
