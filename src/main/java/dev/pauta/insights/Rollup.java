package dev.pauta.insights;

import dev.pauta.decisions.Decisions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily rollups up to date, incrementally: the decisions logged since its watermark, the decisions whose
 * feedback or outcome changed since it last counted them, and the usage events waiting, one batch per transaction. Each
 * transaction first locks the watermark row, so one rollup runs at a time across every node sharing the database, and a
 * batch is counted together with the watermark move or the deletion of what it counted, never twice. Thread-safe.
 */
final class Rollup {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Decisions decisions;
    private final int batch;

    Rollup(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Decisions decisions, int batch) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.decisions = decisions;
        this.batch = batch;
    }

    /** Counts everything not counted yet: what has been logged, followed up and recorded up to now. */
    synchronized void catchUp() {
        while (Boolean.TRUE.equals(tx.execute(status -> countDecisions()))) {
            // one batch per transaction, until the log is caught up with
        }
        while (Boolean.TRUE.equals(tx.execute(status -> countFollowUps()))) {
            // idem for decisions followed up
        }
        while (Boolean.TRUE.equals(tx.execute(status -> countEvents()))) {
            // idem for usage events
        }
    }

    private long lock() {
        return jdbc.sql("select last_seq from insight_watermark where feed = 'decisions' for update").query(Long.class).single();
    }

    /** Counts the next batch of logged decisions; true when there may be more. */
    private boolean countDecisions() {
        List<Decisions.Digest> digests = decisions.digestsAfter(lock(), batch);
        if (digests.isEmpty()) {
            return false;
        }
        Tallies tallies = new Tallies();
        List<Object[]> states = new ArrayList<>(digests.size());
        for (Decisions.Digest digest : digests) {
            Counted counted = Counted.of(digest);
            counted.addTo(tallies, 1);
            states.add(counted.insertRow());
            List<Object> dimensions = List.of(counted.day(), counted.locale(), counted.channel(), counted.intent(), counted.release());
            Set<String> cited = new LinkedHashSet<>();
            digest.actions().forEach(a -> a.sections().forEach(s -> cited.add(Counted.clip(s, 120))));
            for (String section : cited) {
                List<Object> key = new ArrayList<>(dimensions);
                key.add(section);
                tallies.add(Tallies.Table.SECTION, key, 1, new long[] {1});
            }
            if (digest.unmatchedWords() != null) {
                tallies.add(Tallies.Table.GAP, List.of(counted.day(), counted.locale(), "CUSTOMER", Terms.of(digest.unmatchedWords())), 1, new long[] {1},
                        Counted.clip(digest.unmatchedWords(), UsageEvents.MAX_SUBJECT));
            }
        }
        template.batchUpdate(Counted.INSERT, states);
        tallies.write(template);
        jdbc.sql("update insight_watermark set last_seq = ? where feed = 'decisions'").param(digests.get(digests.size() - 1).seq()).update();
        return digests.size() == batch;
    }

    /**
     * Counts what now follows the next batch of decisions whose feedback or outcome changed, replacing what was counted for
     * them before; a decision the log pass has not reached yet waits for the next run. True when there may be more.
     */
    private boolean countFollowUps() {
        lock();
        List<Long> pendingIds = new ArrayList<>();
        Set<String> decisionIds = new LinkedHashSet<>();
        jdbc.sql("select p.id, p.decision_id from insight_pending p where exists (select 1 from insight_decision d where d.decision_id = p.decision_id) "
                        + "order by p.id fetch first ? rows only")
                .param(batch)
                .query(rs -> {
                    pendingIds.add(rs.getLong("id"));
                    decisionIds.add(rs.getString("decision_id"));
                });
        if (pendingIds.isEmpty()) {
            return false;
        }
        Map<String, Counted> before = jdbc.sql("select * from insight_decision where decision_id in (:ids)").param("ids", List.copyOf(decisionIds))
                .query(Counted::read).list().stream().collect(Collectors.toMap(Counted::decisionId, Function.identity()));
        Map<String, Decisions.FollowUp> now = decisions.followUps(decisionIds);
        Tallies tallies = new Tallies();
        List<Object[]> states = new ArrayList<>(before.size());
        before.forEach((id, counted) -> {
            Counted after = counted.with(now.get(id));
            counted.addTo(tallies, -1);
            after.addTo(tallies, 1);
            states.add(after.updateRow());
        });
        template.batchUpdate(Counted.UPDATE, states);
        tallies.write(template);
        jdbc.sql("delete from insight_pending where id in (:ids)").param("ids", pendingIds).update();
        return pendingIds.size() == batch;
    }

    /** Counts the next batch of usage events and deletes them; true when there may be more. */
    private boolean countEvents() {
        lock();
        List<Long> ids = new ArrayList<>();
        Tallies tallies = new Tallies();
        jdbc.sql("select * from insight_event order by id fetch first ? rows only").param(batch).query(rs -> {
            ids.add(rs.getLong("id"));
            LocalDate day = rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            String locale = rs.getString("locale");
            long hits = rs.getLong("hits");
            switch (rs.getString("kind")) {
                case "SEARCH" -> {
                    tallies.add(Tallies.Table.SEARCH, List.of(day, locale), 1, new long[] {1, hits == 0 ? 1 : 0});
                    if (hits == 0) {
                        String query = rs.getString("subject");
                        tallies.add(Tallies.Table.GAP, List.of(day, locale, "SEARCH", Terms.of(query)), 1, new long[] {1}, query);
                    }
                }
                case "OPEN" -> tallies.add(Tallies.Table.OPEN, List.of(day, locale, rs.getInt("release_number"), Counted.clip(rs.getString("subject"), 120)),
                        1, new long[] {1});
                case "CHECK" -> {
                    String channel = rs.getString("channel");
                    tallies.add(Tallies.Table.CHECK, List.of(day, locale, channel), 1, new long[] {1, hits > 0 ? 1 : 0});
                    String phrases = rs.getString("phrases");
                    if (phrases != null) {
                        for (String phrase : phrases.split("\n")) {
                            tallies.add(Tallies.Table.PHRASE, List.of(day, locale, channel, phrase), 1, new long[] {1});
                        }
                    }
                }
                default -> {
                    // a kind this release does not count is dropped with the batch
                }
            }
        });
        if (ids.isEmpty()) {
            return false;
        }
        tallies.write(template);
        jdbc.sql("delete from insight_event where id in (:ids)").param("ids", ids).update();
        return ids.size() == batch;
    }
}
