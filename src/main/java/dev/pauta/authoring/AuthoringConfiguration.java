package dev.pauta.authoring;

import dev.pauta.PautaProperties;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires authoring over the database and loads the current release before the server takes requests. */
@Configuration(proxyBeanMethods = false)
class AuthoringConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    Authoring authoring(JdbcClient jdbc, PlatformTransactionManager transactions, SnapshotCompiler compiler, SnapshotHolder holder, Clock clock,
                        PautaProperties properties, MeterRegistry meters) {
        Authoring authoring = new Authoring(new AuthoringStore(jdbc), new TransactionTemplate(transactions), compiler, holder, clock, meters);
        authoring.start(Bundle.fromFolder(properties.bundlePath()));
        return authoring;
    }
}
