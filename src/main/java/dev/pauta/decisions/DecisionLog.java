package dev.pauta.decisions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable, hash-chained decision log. Requests hand their record to one writer thread and wait until the
 * batch holding it is committed (group commit): many requests share one transaction, and no request is
 * answered with a decision the log does not hold. A record that cannot be stored whole is refused before it is
 * queued, and a batch that fails is written again one record at a time, so one bad record fails only its own
 * caller. When the writer falls behind, requests wait for room in a bounded queue and are refused with
 * {@link DecisionLogUnavailableException} past the timeout; nothing is dropped. Thread-safe.
 */
public class DecisionLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private record Pending(DecisionRecord record, CompletableFuture<Void> committed) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DecisionsProperties properties;
    private final BlockingQueue<Pending> queue;
    private final Timer waitTimer;
    private final Timer batchTimer;
    private volatile boolean running;
    private Thread writer;
    private long lastSeq;
    /** Null when the tail must be read again, after a write that may or may not have committed. */
    private String lastHash;

    DecisionLog(JdbcTemplate jdbc, TransactionTemplate tx, DecisionsProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        meters.gauge("pauta.decision.log.queue", queue, BlockingQueue::size);
        this.waitTimer = Timer.builder("pauta.decision.log.wait").description("time a request waits for its decision to be committed")
                .publishPercentileHistogram().register(meters);
        this.batchTimer = Timer.builder("pauta.decision.log.batch").description("time to write one batch").register(meters);
    }

    /**
     * Blocks until the record is committed; throws {@link DecisionTooLargeException} at once for a record that cannot be
     * stored, and {@link DecisionLogUnavailableException} when there is no room or no commit within the configured time.
     */
    public void append(DecisionRecord record) {
        requireFits(record);
        if (!running) {
            throw new DecisionLogUnavailableException("the decision log is not running", null);
        }
        long started = System.nanoTime();
        Pending pending = new Pending(record, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, properties.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DecisionLogUnavailableException("the decision log is " + queue.size() + " records behind", null);
            }
            pending.committed().get(properties.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionLogUnavailableException("interrupted while logging the decision", e);
        } catch (TimeoutException e) {
            throw new DecisionLogUnavailableException("the decision log did not commit in time", e);
        } catch (ExecutionException e) {
            // The writer logged the database's own message; the caller only learns that this record was not written.
            throw new DecisionLogUnavailableException("the decision log could not write this decision", e.getCause());
        } finally {
            waitTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    public int backlog() {
        return queue.size();
    }

    private void requireFits(DecisionRecord r) {
        if (r.schemaVersion() != StoredSchema.CURRENT) {
            // Older versions are only ever read; a row written in one now would be a row no release wrote.
            throw new IllegalArgumentException("the decision log writes stored schema version " + StoredSchema.CURRENT + " only, not " + r.schemaVersion());
        }
        fits("id", r.id(), 36);
        fits("caller", r.caller(), 120);
        fits("customer key", r.customerKey(), 64);
        fits("locale", r.locale(), 10);
        fits("channel", r.channel(), 40);
        fits("intent", r.intent(), 60);
        long limit = properties.maxRecordSize().toBytes();
        // Characters are at most 3 UTF-8 bytes (4 for a surrogate pair, which is 2 characters): only long records are encoded to measure them.
        long upperBound = 3L * (r.situation().length() + r.decision().length());
        if (upperBound > limit) {
            long size = (long) r.situation().getBytes(StandardCharsets.UTF_8).length + r.decision().getBytes(StandardCharsets.UTF_8).length;
            if (size > limit) {
                throw new DecisionTooLargeException("record", size, limit);
            }
        }
    }

    /** The column widths of decision_log; situation and decision are unbounded and limited by maxRecordSize instead. */
    private static void fits(String field, String value, int width) {
        if (value != null && value.length() > width) {
            throw new DecisionTooLargeException(field, value.length(), width);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(properties.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.batchSize() - 1);
                writeIsolated(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes the batch in one transaction; when that fails, each record alone, so only the records that cannot be written fail. */
    private void writeIsolated(List<Pending> batch) {
        try {
            write(batch);
            batch.forEach(p -> p.committed().complete(null));
            return;
        } catch (RuntimeException e) {
            lastHash = null;
            if (batch.size() == 1) {
                log.error("Could not write decision {} to the log", batch.get(0).record().id(), e);
                batch.get(0).committed().completeExceptionally(e);
                return;
            }
            log.warn("Could not write a batch of {} decisions to the log; writing them one by one", batch.size(), e);
        }
        for (Pending pending : batch) {
            try {
                write(List.of(pending));
                pending.committed().complete(null);
            } catch (RuntimeException e) {
                lastHash = null;
                log.error("Could not write decision {} to the log", pending.record().id(), e);
                pending.committed().completeExceptionally(e);
            }
        }
    }

    private void write(List<Pending> batch) {
        if (lastHash == null) {
            readTail();
        }
        long started = System.nanoTime();
        List<Object[]> rows = new ArrayList<>(batch.size());
        long seq = lastSeq;
        String previous = lastHash;
        for (Pending pending : batch) {
            DecisionRecord r = pending.record();
            seq++;
            String hash = HashChain.hash(seq, r, previous);
            rows.add(new Object[] {seq, r.id(), r.at().atOffset(ZoneOffset.UTC), r.release(), r.caller(), r.customerKey(), r.locale(), r.channel(),
                    r.intent(), r.schemaVersion(), r.situation(), r.decision(), r.latencyMicros(), previous, hash, HashChain.CURRENT_VERSION});
            previous = hash;
        }
        tx.executeWithoutResult(status -> jdbc.batchUpdate("""
                insert into decision_log (seq, id, at, release_number, caller, customer_key, locale, channel, intent, schema_version, situation,
                                          decision, latency_micros, prev_hash, hash, chain_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows));
        lastSeq = seq;
        lastHash = previous;
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private void readTail() {
        List<Object[]> tail = jdbc.query("select seq, hash from decision_log order by seq desc fetch first 1 rows only",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        lastSeq = tail.isEmpty() ? 0 : (Long) tail.get(0)[0];
        lastHash = tail.isEmpty() ? HashChain.GENESIS : (String) tail.get(0)[1];
    }

    @Override
    public void start() {
        readTail();
        running = true;
        writer = new Thread(this::writeLoop, "pauta-decision-log");
        writer.setDaemon(false);
        writer.start();
    }

    /** Stops taking records and writes every queued one before returning. */
    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the web server, so requests in flight still get their decisions logged. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
