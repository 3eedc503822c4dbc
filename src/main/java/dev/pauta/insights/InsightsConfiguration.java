package dev.pauta.insights;

import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.ManualSections;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires what the manual learns from: the problem reports agents make on its sections. */
@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

    @Bean
    Suggestions suggestions(JdbcClient jdbc, Clock clock, ManualSections sections, Decisions decisions) {
        return new Suggestions(jdbc, clock, sections, decisions);
    }
}
