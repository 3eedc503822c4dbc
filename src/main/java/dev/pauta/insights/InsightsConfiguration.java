package dev.pauta.insights;

import dev.pauta.authoring.Authoring;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.ManualVocabulary;
import dev.pauta.guidance.SnapshotHolder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires what the manual learns from: problem reports on its sections, what agents search, open and check, and the
 * rollups over those and the decision log, kept up to date in the background and read by the insights.
 */
@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

    @Bean
    Suggestions suggestions(JdbcClient jdbc, Clock clock, ManualSections sections, Decisions decisions, SnapshotHolder holder, Authoring authoring,
                            PlatformTransactionManager transactions) {
        return new Suggestions(jdbc, clock, sections, decisions, holder, authoring, new TransactionTemplate(transactions));
    }

    @Bean
    PendingFollowUps pendingFollowUps(JdbcClient jdbc) {
        return new PendingFollowUps(jdbc);
    }

    @Bean
    Rollup rollup(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, Decisions decisions, InsightsProperties properties) {
        return new Rollup(jdbc, template, new TransactionTemplate(transactions), decisions, properties.rollupBatch());
    }

    @Bean
    RollupSchedule rollupSchedule(Rollup rollup, InsightsProperties properties) {
        return new RollupSchedule(rollup, properties.rollupInterval());
    }

    @Bean
    Insights insights(JdbcClient jdbc, Clock clock, ManualVocabulary vocabulary, @Value("${pauta.default-locale:es}") String defaultLocale, Rollup rollup,
                      SnapshotHolder holder, Authoring authoring, InsightsProperties properties, MeterRegistry meters) {
        Insights insights = new Insights(new UsageEvents(jdbc, clock, vocabulary, defaultLocale), rollup, new InsightQueries(jdbc), holder, authoring, clock,
                properties);
        Gauge.builder("pauta.sections.review.overdue", insights, Insights::overdueSections)
                .description("sections of the current release, in every locale, whose review date has passed").register(meters);
        return insights;
    }
}
