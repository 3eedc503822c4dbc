package dev.pauta.decisions;

import dev.pauta.authoring.Authoring;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the decision log, the ledger and the recorder the guidance engine requires, and the decisions facade with outcomes and a change's impact. */
@Configuration(proxyBeanMethods = false)
class DecisionsConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    CustomerKeys customerKeys(JdbcClient jdbc, @Value("${pauta.decisions.customer-key:${PAUTA_CUSTOMER_KEY:}}") String configuredKey) {
        // Read here rather than in DecisionsProperties, so the key never appears in a printed or exposed properties object.
        return new CustomerKeys(jdbc, configuredKey);
    }

    @Bean
    LedgerStore ledger(JdbcClient jdbc, PlatformTransactionManager transactions, CustomerKeys keys, Clock clock) {
        return new LedgerStore(jdbc, new TransactionTemplate(transactions), keys, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    DecisionLog decisionLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, DecisionsProperties properties, MeterRegistry meters) {
        return new DecisionLog(jdbc, new TransactionTemplate(transactions), properties, meters);
    }

    @Bean
    DecisionLogRecorder decisionRecorder(DecisionLog log, CustomerKeys keys, DecisionsProperties properties, Clock clock, MeterRegistry meters) {
        return new DecisionLogRecorder(log, keys, properties, clock, meters);
    }

    @Bean
    Decisions decisions(GuidanceService guidance, SnapshotHolder holder, LedgerStore ledger, JdbcClient jdbc, Clock clock, Authoring authoring,
                        SnapshotCompiler compiler, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return new Decisions(holder, ledger, jdbc, clock, new ChangeImpact(authoring, compiler, guidance, holder, ledger, jdbc, clock),
                new Outcomes(jdbc, tx, clock), tx, events);
    }
}
