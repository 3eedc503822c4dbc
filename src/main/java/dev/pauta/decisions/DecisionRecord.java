package dev.pauta.decisions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the decision log keeps of one decision; {@code situation} and {@code decision} are JSON in stored schema
 * {@code schemaVersion}, masked as configured. {@code at} is kept to the microsecond, the precision the database stores,
 * so the hash covers exactly the stored value.
 */
public record DecisionRecord(String id, Instant at, int release, String caller, String customerKey, String locale, String channel, String intent,
                             int schemaVersion, String situation, String decision, long latencyMicros) {

    public DecisionRecord {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }
}
