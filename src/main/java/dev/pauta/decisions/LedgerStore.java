package dev.pauta.decisions;

import dev.pauta.guidance.Ledger;
import dev.pauta.rules.Compensation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compensation ledger in the database: accepted offers per customer, read by every later decision. An offer is
 * accepted under a lock on the customer's {@code customer_lock} row, in the transaction that checks the cap and writes
 * the entry, so concurrent acceptances for one customer cannot pass the cap together. Thread-safe.
 */
class LedgerStore implements Ledger {

    /** Older entries cannot count against any cap the manual could reasonably set. */
    static final Duration HORIZON = Duration.ofDays(366);

    /** What accepting an offer did to the ledger. */
    enum Acceptance { RECORDED, ALREADY_RECORDED }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CustomerKeys keys;
    private final Clock clock;

    LedgerStore(JdbcClient jdbc, TransactionTemplate tx, CustomerKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<Compensation> entries(String customerId) {
        String key = keys.of(customerId);
        return key == null ? List.of() : entriesOf(key, customerId, clock.instant());
    }

    /** The entries of the customer a logged decision names by its stored key, for replays, which never see the customer id. */
    List<Compensation> entriesOfKey(String customerKey) {
        return customerKey == null ? List.of() : entriesOf(customerKey, null, clock.instant());
    }

    private List<Compensation> entriesOf(String customerKey, String customerId, Instant now) {
        OffsetDateTime since = now.minus(HORIZON).atOffset(ZoneOffset.UTC);
        return jdbc.sql("select code, accepted_at, decision_id from compensation_ledger where customer_key = ? and accepted_at >= ? order by accepted_at desc")
                .params(customerKey, since)
                .query((rs, n) -> new Compensation(customerId, rs.getString("code"), rs.getObject("accepted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("decision_id")))
                .list();
    }

    /**
     * Records an accepted offer once per decision and code, unless a cap that lists the code is already reached; runs
     * {@code alsoRecord} (the feedback row) in the same transaction, so a refused acceptance writes nothing at all.
     *
     * @throws CapReachedException when the customer's entries already fill a cap that counts this code
     * @throws LedgerBusyException when the customer's lock could not be had in time
     */
    Acceptance accept(String decisionId, String code, String customerKey, String params, CouponLimits limits, Runnable alsoRecord) {
        ensureLockRow(customerKey);
        try {
            return tx.execute(status -> {
                jdbc.sql("select customer_key from customer_lock where customer_key = ? for update").param(customerKey).query(String.class).single();
                boolean recorded = jdbc.sql("select count(*) from compensation_ledger where decision_id = ? and code = ?").params(decisionId, code)
                        .query(Long.class).single() > 0;
                if (!recorded) {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    limits.reachedBy(code, entriesOf(customerKey, null, now), now).ifPresent(reached -> {
                        throw new CapReachedException(code, reached.max(), reached.windowDays(), reached.counting().stream()
                                .map(e -> new CapReachedException.Counting(e.code(), e.decisionId(), e.acceptedAt())).toList());
                    });
                    jdbc.sql("insert into compensation_ledger (decision_id, code, customer_key, accepted_at, params) values (?, ?, ?, ?, ?)")
                            .params(decisionId, code, customerKey, now.atOffset(ZoneOffset.UTC), params).update();
                }
                alsoRecord.run();
                return recorded ? Acceptance.ALREADY_RECORDED : Acceptance.RECORDED;
            });
        } catch (PessimisticLockingFailureException busy) {
            throw new LedgerBusyException(busy);
        }
    }

    /** The lock row exists before any acceptance locks it; made in its own short transaction, so it is visible to all of them. */
    private void ensureLockRow(String customerKey) {
        if (jdbc.sql("select count(*) from customer_lock where customer_key = ?").param(customerKey).query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into customer_lock (customer_key) values (?)").param(customerKey).update();
        } catch (DuplicateKeyException madeByAConcurrentAcceptance) {
            // The row is there either way, which is all the lock needs.
        }
    }
}
