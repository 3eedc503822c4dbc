package dev.pauta.decisions;

import dev.pauta.guidance.Ledger;
import dev.pauta.rules.Compensation;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The compensation ledger in the database: accepted offers per customer, read by every later decision. */
class LedgerStore implements Ledger {

    /** Older entries cannot count against any cap the manual could reasonably set. */
    static final Duration HORIZON = Duration.ofDays(366);

    private final JdbcClient jdbc;
    private final CustomerKeys keys;
    private final Clock clock;

    LedgerStore(JdbcClient jdbc, CustomerKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<Compensation> entries(String customerId) {
        String key = keys.of(customerId);
        if (key == null) {
            return List.of();
        }
        OffsetDateTime since = clock.instant().minus(HORIZON).atOffset(ZoneOffset.UTC);
        return jdbc.sql("select code, accepted_at, decision_id from compensation_ledger where customer_key = ? and accepted_at >= ? order by accepted_at desc")
                .params(key, since)
                .query((rs, n) -> new Compensation(customerId, rs.getString("code"), rs.getObject("accepted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("decision_id")))
                .list();
    }

    /** Records an accepted offer once per decision and code; false when it was already recorded. */
    boolean accept(String decisionId, String code, String customerKey, String params) {
        Integer existing = jdbc.sql("select count(*) from compensation_ledger where decision_id = ? and code = ?").params(decisionId, code)
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("insert into compensation_ledger (decision_id, code, customer_key, accepted_at, params) values (?, ?, ?, ?, ?)")
                .params(decisionId, code, customerKey, clock.instant().atOffset(ZoneOffset.UTC), params).update();
        return true;
    }
}
