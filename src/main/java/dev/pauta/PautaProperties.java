package dev.pauta;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings, under {@code pauta.*}; the engine's limits are {@code guidance.EngineProperties}, the default
 * locale of the manual's use cases {@code guidance.ManualProperties}.
 *
 * @param bundleDir   the folder holding {@code manual/} and {@code rules/} that is served (and, with storage, imported on first start)
 * @param maxBodySize the largest request body accepted
 * @param dataDir     where the H2 database files live (used in {@code spring.datasource.url})
 */
@ConfigurationProperties("pauta")
public record PautaProperties(
        @DefaultValue(".") String bundleDir,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("./data") String dataDir) {

    /** The bundle folder against the working directory; bound as text because Spring resolves a relative Path against the classpath. */
    public Path bundlePath() {
        return Path.of(bundleDir).toAbsolutePath().normalize();
    }
}
