package dev.pauta.guidance;

import dev.pauta.PautaProperties;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the guidance engine: compiles the configured bundle at start-up and refuses to start on an invalid one. */
@Configuration(proxyBeanMethods = false)
class GuidanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GuidanceConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotCompiler snapshotCompiler(PautaProperties properties) {
        return new SnapshotCompiler(properties.firingLimit());
    }

    @Bean
    SnapshotHolder snapshotHolder(SnapshotCompiler compiler, PautaProperties properties, Clock clock) {
        long started = System.nanoTime();
        Bundle bundle = Bundle.fromFolder(properties.bundlePath());
        Snapshot snapshot = compiler.compile(bundle, new Release(1, bundle.hash(), clock.instant(), "system", "bundle folder " + properties.bundlePath()));
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        log.info("Serving {} sections in {} and {} rules from {} (compiled in {} ms)", snapshot.manual().allSections().size(),
                snapshot.locales(), snapshot.ruleSet().ruleKeys().size(), properties.bundlePath(),
                (System.nanoTime() - started) / 1_000_000);
        return holder;
    }

    @Bean
    GuidanceService guidanceService(SnapshotHolder holder, ObjectProvider<Ledger> ledger, Clock clock) {
        return new GuidanceService(holder, ledger.getIfAvailable(() -> Ledger.NONE), clock);
    }
}
