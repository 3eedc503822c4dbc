package dev.pauta.guidance;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the guidance engine and the agents' use cases on it; the snapshot they serve is loaded and swapped by the authoring module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EngineProperties.class, ManualProperties.class})
class GuidanceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotCompiler snapshotCompiler(EngineProperties properties) {
        return new SnapshotCompiler(properties.firingLimit(), properties.rules().timeBudget());
    }

    /** Empty until the authoring module loads the current release into it, before the server takes requests. */
    @Bean
    SnapshotHolder snapshotHolder() {
        return new SnapshotHolder();
    }

    /** Both the ledger and the recorder are required: without either, caps or the decision log would silently stop working. */
    @Bean
    GuidanceService guidanceService(SnapshotHolder holder, Ledger ledger, DecisionRecorder recorder, Clock clock) {
        return new GuidanceService(holder, ledger, recorder, clock);
    }

    @Bean
    DraftCheck draftCheck(SnapshotHolder holder, ManualProperties manual) {
        return new DraftCheck(holder, manual.defaultLocale());
    }

    @Bean
    ManualSearch manualSearch(SnapshotHolder holder, ManualProperties manual) {
        return new ManualSearch(holder, manual.defaultLocale());
    }

    @Bean
    ManualSections manualSections(SnapshotHolder holder, ManualProperties manual) {
        return new ManualSections(holder, manual.defaultLocale());
    }

    @Bean
    ManualVocabulary manualVocabulary(SnapshotHolder holder, ManualProperties manual) {
        return new ManualVocabulary(holder, manual.defaultLocale());
    }
}
