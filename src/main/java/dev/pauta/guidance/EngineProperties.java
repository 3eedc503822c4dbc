package dev.pauta.guidance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of one rule evaluation, under {@code pauta.*}.
 *
 * @param firingLimit rule firings one evaluation may take before it is stopped as a loop ({@code pauta.firing-limit})
 * @param rules       the time budget of one evaluation ({@code pauta.rules.time-budget})
 */
@ConfigurationProperties("pauta")
record EngineProperties(@DefaultValue("1000") int firingLimit, @DefaultValue Rules rules) {

    /** @param timeBudget how long one evaluation may run before it is stopped */
    record Rules(@DefaultValue("50ms") Duration timeBudget) {
    }
}
