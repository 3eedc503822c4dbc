package dev.pauta;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pauta's settings, under {@code pauta.*}.
 *
 * @param bundleDir     the folder holding {@code manual/} and {@code rules/} that is served (and, with storage, imported on first start)
 * @param firingLimit   rule firings one evaluation may take before it is stopped as a loop
 * @param maxBodySize   the largest request body accepted
 * @param defaultLocale the locale of a search that names none
 * @param dataDir       where the H2 database files live (used in {@code spring.datasource.url})
 * @param rules         limits of one rule evaluation, under {@code pauta.rules.*}
 */
@ConfigurationProperties("pauta")
public record PautaProperties(
        @DefaultValue(".") String bundleDir,
        @DefaultValue("1000") int firingLimit,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("es") String defaultLocale,
        @DefaultValue("./data") String dataDir,
        @DefaultValue Rules rules) {

    /**
     * Limits of one rule evaluation besides the firing limit.
     *
     * @param timeBudget how long one evaluation may run before it is stopped ({@code pauta.rules.time-budget})
     */
    public record Rules(@DefaultValue("50ms") Duration timeBudget) {
    }

    /** The bundle folder against the working directory; bound as text because Spring resolves a relative Path against the classpath. */
    public Path bundlePath() {
        return Path.of(bundleDir).toAbsolutePath().normalize();
    }
}
