package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * With the writer stalled by the database (H2's exclusive mode pauses every other connection), requests wait for
 * room in the bounded queue and are refused past the timeout; once the database is back, every accepted record
 * is committed: refused requests got no decision, accepted ones are all logged, nothing is dropped.
 */
class DecisionLogBackpressureTest {

    @Test
    void aStalledWriterMakesRequestsWaitThenRefusesThemAndDropsNothing() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:backpressure;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMinimumIdle(4);
        config.setMaximumPoolSize(4);
        try (HikariDataSource data = new HikariDataSource(config)) {
            Flyway.configure().dataSource(data).load().migrate();
            DecisionsProperties properties = new DecisionsProperties(true, 1, 10, Duration.ofMillis(300), Duration.ofSeconds(60), Map.of(),
                    DataSize.ofMegabytes(1));
            DecisionLog log = new DecisionLog(new JdbcTemplate(data), new TransactionTemplate(new DataSourceTransactionManager(data)), properties,
                    new SimpleMeterRegistry());
            log.start();
            List<CompletableFuture<Boolean>> appends = new ArrayList<>();
            try (Connection exclusive = data.getConnection(); Statement statement = exclusive.createStatement()) {
                statement.execute("SET EXCLUSIVE 1");
                for (int i = 0; i < 4; i++) {
                    DecisionRecord record = new DecisionRecord("d-" + i, Instant.now(), 1, "test", null, "es", "PHONE", "OTHER", StoredSchema.CURRENT, "{}", "{}", 10);
                    appends.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            log.append(record);
                            return true;
                        } catch (DecisionLogUnavailableException refused) {
                            return false;
                        }
                    }));
                }
                // While the writer is stalled nothing can be committed: one record can be with the writer and one in the
                // queue, the other two get no room in time. Both refusals are awaited before the writer is released, so a
                // late request cannot take the room the release makes.
                await().atMost(Duration.ofSeconds(20)).until(() -> appends.stream().filter(CompletableFuture::isDone).count() >= 2);
                assertThat(appends.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)).containsOnly(false);
                statement.execute("SET EXCLUSIVE 0");
            }
            long accepted = appends.stream().filter(CompletableFuture::join).count();
            log.stop();

            long logged = new JdbcTemplate(data).queryForObject("select count(*) from decision_log", Long.class);
            assertThat(logged).isEqualTo(accepted);
            assertThat(accepted).isLessThanOrEqualTo(2);
        }
    }
}
