package dev.pauta.insights;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the rollup in the background every interval, so an insight read has little left to count. */
final class RollupSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupSchedule.class);

    private final Rollup rollup;
    private final Duration interval;
    private ScheduledExecutorService executor;

    RollupSchedule(Rollup rollup, Duration interval) {
        this.rollup = rollup;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pauta-insights-rollup");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            rollup.catchUp();
        } catch (RuntimeException e) {
            // the next run, or the next insight read, counts what this one could not
            log.warn("The insights rollup stopped early: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
