package dev.pauta.insights;

import dev.pauta.authoring.Authoring;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.ManualVocabulary;
import dev.pauta.guidance.SnapshotHolder;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires what the manual learns from: the problem reports agents make on its sections, and what agents search, open and check. */
@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

    @Bean
    Suggestions suggestions(JdbcClient jdbc, Clock clock, ManualSections sections, Decisions decisions, SnapshotHolder holder, Authoring authoring,
                            PlatformTransactionManager transactions) {
        return new Suggestions(jdbc, clock, sections, decisions, holder, authoring, new TransactionTemplate(transactions));
    }

    @Bean
    Insights insights(JdbcClient jdbc, Clock clock, ManualVocabulary vocabulary, @Value("${pauta.default-locale:es}") String defaultLocale) {
        return new Insights(new UsageEvents(jdbc, clock, vocabulary, defaultLocale));
    }
}
