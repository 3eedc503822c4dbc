package dev.pauta.decisions;

import java.time.Instant;

/** What the decision log keeps of one decision; {@code situation} and {@code decision} are JSON, masked as configured. */
public record DecisionRecord(String id, Instant at, int release, String caller, String customerKey, String locale, String channel, String intent,
                             String situation, String decision, long latencyMicros) {
}
