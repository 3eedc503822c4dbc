package dev.pauta.decisions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * answered with a decision the log does not hold. When the writer falls behind, requests wait for room in
 * a bounded queue and are refused with {@link DecisionLogUnavailableException} past the timeout; nothing is
 * dropped. Thread-safe.
 */
public class DecisionLog implements SmartLifecycle {

    static final String GENESIS = "0".repeat(64);
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

    /** Blocks until the record is committed; throws when there is no room or no commit within the configured time. */
    public void append(DecisionRecord record) {
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
            throw new DecisionLogUnavailableException("the decision log could not write: " + e.getCause().getMessage(), e.getCause());
        } finally {
            waitTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    public int backlog() {
        return queue.size();
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
                write(batch);
                batch.forEach(p -> p.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not write {} decision(s) to the log", batch.size(), e);
                batch.forEach(p -> p.committed().completeExceptionally(e));
                readTail();
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        List<Object[]> rows = new ArrayList<>(batch.size());
        long seq = lastSeq;
        String previous = lastHash;
        for (Pending pending : batch) {
            DecisionRecord r = pending.record();
            seq++;
            String hash = chainHash(seq, r, previous);
            rows.add(new Object[] {seq, r.id(), r.at().atOffset(ZoneOffset.UTC), r.release(), r.caller(), r.customerKey(), r.locale(), r.channel(),
                    r.intent(), r.situation(), r.decision(), r.latencyMicros(), previous, hash});
            previous = hash;
        }
        tx.executeWithoutResult(status -> jdbc.batchUpdate("""
                insert into decision_log (seq, id, at, release_number, caller, customer_key, locale, channel, intent, situation, decision,
                                          latency_micros, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows));
        lastSeq = seq;
        lastHash = previous;
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** SHA-256 over the previous hash and every field, so changing, removing or reordering a record breaks the chain. */
    static String chainHash(long seq, DecisionRecord r, String previous) {
        String canonical = String.join("\u001f", String.valueOf(seq), r.id(), String.valueOf(r.at().toEpochMilli()),
                String.valueOf(r.release()), r.caller(), String.valueOf(r.customerKey()), r.locale(), r.channel(), r.intent(), r.situation(),
                r.decision(), String.valueOf(r.latencyMicros()), previous);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readTail() {
        List<Object[]> tail = jdbc.query("select seq, hash from decision_log order by seq desc fetch first 1 rows only",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        lastSeq = tail.isEmpty() ? 0 : (Long) tail.get(0)[0];
        lastHash = tail.isEmpty() ? GENESIS : (String) tail.get(0)[1];
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
