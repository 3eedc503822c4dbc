package dev.pauta.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Failures per key, forgotten one window after the first; the failure that reaches the limit locks the key for one
 * whole window from then. Bounded in size. Thread-safe.
 */
final class FailureCounts {

    private final int limit;
    private final Cache<String, Integer> counts;

    FailureCounts(int limit, Duration window, long tracked, Ticker ticker) {
        this.limit = limit;
        long windowNanos = window.toNanos();
        this.counts = Caffeine.newBuilder().maximumSize(tracked).ticker(ticker).expireAfter(new Expiry<String, Integer>() {
            @Override
            public long expireAfterCreate(String key, Integer failures, long now) {
                return windowNanos;
            }

            @Override
            public long expireAfterUpdate(String key, Integer failures, long now, long remaining) {
                // the lock runs a full window from the failure that reached the limit, not from the first one
                return failures == limit ? windowNanos : remaining;
            }

            @Override
            public long expireAfterRead(String key, Integer failures, long now, long remaining) {
                return remaining;
            }
        }).build();
    }

    void fail(String key) {
        counts.asMap().merge(key, 1, Integer::sum);
    }

    void clear(String key) {
        counts.invalidate(key);
    }

    /** How long the key stays locked, when it is. */
    Optional<Duration> lockedFor(String key) {
        Integer failures = counts.getIfPresent(key);
        if (failures == null || failures < limit) {
            return Optional.empty();
        }
        return counts.policy().expireVariably().flatMap(expiry -> expiry.getExpiresAfter(key));
    }
}
