package dev.pauta.insights;

import dev.pauta.decisions.Decisions;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notes each decision whose feedback or outcome changed, in the transaction that records the change, so the rollup
 * counts what follows it now however the commits of concurrent changes are ordered. Thread-safe.
 */
final class PendingFollowUps {

    private final JdbcClient jdbc;

    PendingFollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(Decisions.FollowUpRecorded recorded) {
        jdbc.sql("insert into insight_pending (decision_id) values (?)").param(recorded.decisionId()).update();
    }
}
