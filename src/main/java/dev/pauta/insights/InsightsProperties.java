package dev.pauta.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The insights' settings, under {@code pauta.insights.*}.
 *
 * @param rollupInterval how often the rollups catch up with the decision log and the events in the background; every
 *                       insight read catches up first as well, so this only keeps reads short
 * @param rollupBatch    decisions or events counted per transaction
 * @param tooFew         below this many decisions behind a figure, it is flagged as too few to mean anything
 * @param maxDays        the longest window one insight may cover
 */
@ConfigurationProperties("pauta.insights")
public record InsightsProperties(
        @DefaultValue("1m") Duration rollupInterval,
        @DefaultValue("1000") int rollupBatch,
        @DefaultValue("30") int tooFew,
        @DefaultValue("3660") int maxDays) {
}
