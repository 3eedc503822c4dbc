package dev.pauta.authoring;

import dev.pauta.PautaProperties;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires authoring over the database and loads the current release before the server takes requests. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthoringProperties.class)
class AuthoringConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    Authoring authoring(JdbcClient jdbc, PlatformTransactionManager transactions, SnapshotCompiler compiler, SnapshotHolder holder, Clock clock,
                        PautaProperties properties, AuthoringProperties authoring, MeterRegistry meters) {
        AuthoringStore store = new AuthoringStore(jdbc);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        new ReleaseStartup(store, tx, compiler, holder, clock).load(Bundle.fromFolder(properties.bundlePath()));
        return new Authoring(store, tx, compiler, holder, clock, meters, authoring.fourEyes());
    }

    @Bean
    PolicyTableForms policyTableForms(Authoring authoring, SnapshotHolder holder) {
        return new PolicyTableForms(authoring.store, authoring.tx, authoring.clock, authoring.changes, authoring.edits, authoring.reviews, holder);
    }
}
