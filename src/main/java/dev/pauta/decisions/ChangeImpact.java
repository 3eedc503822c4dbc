package dev.pauta.decisions;

import dev.pauta.authoring.Authoring;
import dev.pauta.guidance.Decision;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.Situation;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change's impact: its draft compiled by the same grammar as publishing, then logged situations replayed on the
 * current release and on the draft. Thread-safe.
 */
final class ChangeImpact {

    private final Authoring authoring;
    private final SnapshotCompiler compiler;
    private final GuidanceService guidance;
    private final SnapshotHolder holder;
    private final LedgerStore ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    ChangeImpact(Authoring authoring, SnapshotCompiler compiler, GuidanceService guidance, SnapshotHolder holder, LedgerStore ledger, JdbcClient jdbc,
                 Clock clock) {
        this.authoring = authoring;
        this.compiler = compiler;
        this.guidance = guidance;
        this.holder = holder;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A logged situation to replay, and whose ledger to replay it with. */
    private record Replay(String decisionId, Situation situation, String customerKey) {
    }

    /** Compiles the change's draft here, where it is replayed, so a draft the grammar refuses stops before any decision is read. */
    Decisions.Impact of(long changeId, Instant from, Instant to, int sample) {
        Bundle bundle = authoring.changeBundle(changeId);
        Snapshot draft = compiler.compile(bundle, new Release(0, bundle.hash(), clock.instant(), null, "impact of change " + changeId));
        return replay(draft, from, to, sample);
    }

    /**
     * Replays logged situations (newest first, within the window, at most {@code sample}) on the current release and on
     * the draft, both with the ledger the customer has today, found by the key stored with the decision, so only the
     * draft's edits explain the differences. Masked fields replay as logged.
     */
    private Decisions.Impact replay(Snapshot draft, Instant from, Instant to, int sample) {
        Snapshot current = holder.current();
        OffsetDateTime a = (from == null ? Instant.EPOCH : from).atOffset(ZoneOffset.UTC);
        OffsetDateTime b = (to == null ? clock.instant().plusSeconds(1) : to).atOffset(ZoneOffset.UTC);
        List<Replay> logged = jdbc.sql("""
                        select id, schema_version, situation, customer_key from decision_log where at >= ? and at < ? order by seq desc fetch first ? rows only""")
                .params(a, b, sample)
                .query((rs, n) -> new Replay(rs.getString("id"), StoredSchema.situation(rs.getInt("schema_version"), rs.getString("situation")),
                        rs.getString("customer_key")))
                .list();
        Map<String, Integer> appeared = new TreeMap<>();
        Map<String, Integer> disappeared = new TreeMap<>();
        List<Decisions.Example> examples = new ArrayList<>();
        int changed = 0;
        int replayed = 0;
        // A customer with many logged decisions has their ledger read once per impact, not once per decision.
        Map<String, List<Compensation>> ledgers = new HashMap<>();
        for (Replay replay : logged) {
            List<Compensation> entries = replay.customerKey() == null ? List.of()
                    : ledgers.computeIfAbsent(replay.customerKey(), ledger::entriesOfKey);
            Decision was;
            Decision would;
            try {
                was = guidance.decide(current, replay.situation(), entries);
                would = guidance.decide(draft, replay.situation(), entries);
            } catch (UnknownCodeException codesNoLongerDefined) {
                // The draft removed a code this situation used; it cannot be asked again, so it is not counted.
                continue;
            }
            replayed++;
            List<String> before = summary(was);
            List<String> after = summary(would);
            if (Objects.equals(before, after)) {
                continue;
            }
            changed++;
            codes(after).stream().filter(c -> !codes(before).contains(c)).forEach(c -> appeared.merge(c, 1, Integer::sum));
            codes(before).stream().filter(c -> !codes(after).contains(c)).forEach(c -> disappeared.merge(c, 1, Integer::sum));
            if (examples.size() < 5) {
                examples.add(new Decisions.Example(replay.decisionId(), before, after, notApplied(was), notApplied(would)));
            }
        }
        return new Decisions.Impact(replayed, changed, appeared, disappeared, examples, current.release().number());
    }

    /** Each action as CODE or CODE{param=value}, in priority order: what an agent would see change. */
    private static List<String> summary(Decision decision) {
        return decision.actions().stream()
                .map(a -> a.params().isEmpty() ? a.code() : a.code() + new TreeMap<>(a.params()))
                .toList();
    }

    private static List<String> notApplied(Decision decision) {
        return decision.explanation().notApplied().stream().map(Decision.NotApplied::code).toList();
    }

    private static List<String> codes(List<String> summary) {
        return summary.stream().map(s -> s.contains("{") ? s.substring(0, s.indexOf('{')) : s).toList();
    }
}
