package dev.pauta.decisions;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The decision log's settings, under {@code pauta.decisions.*}.
 *
 * @param logging        whether decisions are logged at all (off only to measure what logging costs)
 * @param queueCapacity  decisions waiting to be written before new requests wait for room
 * @param batchSize      decisions written per transaction at most
 * @param enqueueTimeout how long a request waits for room in the queue before it is answered 503
 * @param commitTimeout  how long a request waits for its batch to commit before it is answered 503
 * @param mask           what the log keeps of each field: KEEP, HASH (a keyed hash) or DROP; fields are
 *                       customer.id, order.id, interaction.text and draft
 * @param maxRecordSize  the largest situation and decision, together as UTF-8 JSON, the log stores; a larger one is
 *                       refused (413) before it is queued, so it never holds up or fails another caller's batch
 */
@ConfigurationProperties("pauta.decisions")
public record DecisionsProperties(
        @DefaultValue("true") boolean logging,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2s") Duration enqueueTimeout,
        @DefaultValue("30s") Duration commitTimeout,
        @DefaultValue Map<String, Mask> mask,
        @DefaultValue("1MB") DataSize maxRecordSize) {

    /** What the log keeps of a field. */
    public enum Mask { KEEP, HASH, DROP }

    public Mask maskOf(String field) {
        Mask configured = mask == null ? null : mask.get(field);
        if (configured != null) {
            return configured;
        }
        return field.equals("customer.id") ? Mask.HASH : Mask.KEEP;
    }
}
