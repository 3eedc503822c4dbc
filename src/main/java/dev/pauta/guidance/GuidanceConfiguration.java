package dev.pauta.guidance;

import dev.pauta.PautaProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the guidance engine; the snapshot it serves is loaded and swapped by the authoring module. */
@Configuration(proxyBeanMethods = false)
class GuidanceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotCompiler snapshotCompiler(PautaProperties properties) {
        return new SnapshotCompiler(properties.firingLimit(), properties.rules().timeBudget());
    }

    /** Empty until the authoring module loads the current release into it, before the server takes requests. */
    @Bean
    SnapshotHolder snapshotHolder() {
        return new SnapshotHolder();
    }

    @Bean
    GuidanceService guidanceService(SnapshotHolder holder, ObjectProvider<Ledger> ledger, Clock clock) {
        return new GuidanceService(holder, ledger.getIfAvailable(() -> Ledger.NONE), clock);
    }
}
