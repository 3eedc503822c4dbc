package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The log's writer and chain on a real H2 migrated by Flyway: rows written before the chain or the stored schema was
 * versioned keep verifying, a batch that fails is written again record by record, and records are checked before they are queued.
 */
class DecisionLogIntegrityTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private HikariDataSource database(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMinimumIdle(4);
        config.setMaximumPoolSize(4);
        HikariDataSource data = new HikariDataSource(config);
        open.add(() -> {
            new JdbcTemplate(data).execute("shutdown");
            data.close();
        });
        return data;
    }

    private DecisionLog startedLog(HikariDataSource data, int batchSize) {
        DecisionsProperties properties = new DecisionsProperties(true, 100, batchSize, Duration.ofSeconds(5), Duration.ofSeconds(30), Map.of(),
                DataSize.ofMegabytes(1));
        DecisionLog log = new DecisionLog(new JdbcTemplate(data), new TransactionTemplate(new DataSourceTransactionManager(data)), properties,
                new SimpleMeterRegistry());
        log.start();
        open.add(log::stop);
        return log;
    }

    private static DecisionRecord record(String id, String decision) {
        return new DecisionRecord(id, Instant.parse("2026-11-21T09:30:00.000000Z").plusNanos(id.hashCode() & 0xffffff), 3, "crm", "k-" + id, "es",
                "PHONE", "ORDER_DELAYED", StoredSchema.CURRENT, "{\"intent\":\"ORDER_DELAYED\"}", decision, 140);
    }

    /** The chain's first form, written here from its definition: fields joined by U+001F, the unrounded instant's epoch milliseconds. */
    private static String version1Hash(long seq, String id, Instant at, String customerKey, String situation, String decision, String previous) throws Exception {
        String canonical = String.join("\u001f", String.valueOf(seq), id, String.valueOf(at.toEpochMilli()), "2", "agent-7", String.valueOf(customerKey),
                "en", "CHAT", "COMPLAINT", situation, decision, "90", previous);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rowsWrittenBeforeTheChainWasVersionedStillVerifyAndNewRowsFollowThem() throws Exception {
        HikariDataSource data = database("chain-upgrade");
        Flyway.configure().dataSource(data).target("2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        // The first time is in the last half microsecond of its millisecond: H2 rounds it onto the next one, the old false alarm.
        List<Instant> times = List.of(Instant.parse("2026-11-20T10:00:00.123999700Z"), Instant.parse("2026-11-20T10:00:01.456789012Z"),
                Instant.parse("2026-11-20T10:00:02.000000300Z"));
        String previous = HashChain.GENESIS;
        for (int i = 0; i < times.size(); i++) {
            long seq = i + 1;
            String id = "legacy-" + seq;
            String situation = "{\"intent\":\"COMPLAINT\",\"n\":" + seq + "}";
            String decision = "{\"actions\":[{\"code\":\"APOLOGY\"}],\"n\":" + seq + "}";
            String customerKey = seq == 2 ? null : "key-" + seq;
            String hash = version1Hash(seq, id, times.get(i), customerKey, situation, decision, previous);
            jdbc.sql("""
                    insert into decision_log (seq, id, at, release_number, caller, customer_key, locale, channel, intent, situation, decision,
                                              latency_micros, prev_hash, hash) values (?, ?, ?, 2, 'agent-7', ?, 'en', 'CHAT', 'COMPLAINT', ?, ?, 90, ?, ?)""")
                    .params(seq, id, times.get(i).atOffset(ZoneOffset.UTC), customerKey, situation, decision, previous, hash).update();
            previous = hash;
        }
        assertThat(jdbc.sql("select at from decision_log where seq = 1").query(OffsetDateTime.class).single().toInstant())
                .as("the database rounded the first time onto the next millisecond").isEqualTo(Instant.parse("2026-11-20T10:00:00.124Z"));

        Flyway.configure().dataSource(data).load().migrate();
        DecisionLog log = startedLog(data, 10);
        log.append(record("after-upgrade-1", "{\"actions\":[]}"));
        log.append(record("after-upgrade-2", "{\"actions\":[]}"));

        assertThat(jdbc.sql("select chain_version from decision_log order by seq").query(Integer.class).list()).containsExactly(1, 1, 1, 3, 3);
        assertThat(jdbc.sql("select schema_version from decision_log order by seq").query(Integer.class).list()).containsExactly(1, 1, 1, StoredSchema.CURRENT, StoredSchema.CURRENT);
        Decisions.ChainCheck check = HashChain.verify(jdbc);
        assertThat(check.ok()).isTrue();
        assertThat(check.checked()).isEqualTo(5);
        assertThat(check.broken()).isZero();

        jdbc.sql("update decision_log set situation = '{\"intent\":\"COMPLAINT\",\"n\":20}' where seq = 2").update();
        Decisions.ChainCheck tampered = HashChain.verify(jdbc);
        assertThat(tampered.broken()).isEqualTo(1);
        assertThat(tampered.brokenRecords()).extracting(Decisions.BrokenRecord::decisionId).containsExactly("legacy-2");
    }

    @Test
    void rowsLoggedBeforeSchemaVersionsVerifyInVersion1AndNoRowsSchemaVersionChangesUnnoticed() {
        HikariDataSource data = database("schema-version-chain");
        // The fixture holds two rows of chain version 2 written by the code before schema versions, inserted between V4 and V5.
        Flyway.configure().dataSource(data).locations("classpath:db/migration", "classpath:decisions/v1").load().migrate();
        DecisionLog log = startedLog(data, 10);
        log.append(record("after-schema-versions", "{\"actions\":[]}"));
        JdbcClient jdbc = JdbcClient.create(data);
        assertThat(jdbc.sql("select chain_version, schema_version from decision_log order by seq").query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                .list()).containsExactly(List.of(2, 1), List.of(2, 1), List.of(3, StoredSchema.CURRENT));
        assertThat(HashChain.verify(jdbc).ok()).isTrue();

        // Chain version 2 does not hash the schema version, so the database keeps it at 1 for those rows ...
        assertThatThrownBy(() -> jdbc.sql("update decision_log set schema_version = 2 where seq = 1").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // ... and the chain reports it when someone with the database's rights removes that guard first.
        jdbc.sql("alter table decision_log drop constraint decision_log_schema_version_hashed").update();
        jdbc.sql("update decision_log set schema_version = 2 where seq = 1").update();
        // From chain version 3 on, the hash covers the schema version itself.
        jdbc.sql("update decision_log set schema_version = 1 where seq = 3").update();

        Decisions.ChainCheck check = HashChain.verify(jdbc);
        assertThat(check.checked()).isEqualTo(3);
        assertThat(check.brokenRecords()).extracting(Decisions.BrokenRecord::seq).containsExactly(1L, 3L);
        assertThat(check.brokenRecords()).extracting(Decisions.BrokenRecord::problem).allMatch(p -> p.contains("content"));
    }

    @Test
    void aBatchThatFailsIsWrittenAgainOneRecordAtATimeSoOnlyTheBadRecordFails() throws Exception {
        HikariDataSource data = database("batch-isolation");
        Flyway.configure().dataSource(data).load().migrate();
        DecisionLog log = startedLog(data, 50);
        log.append(record("first", "{}"));
        // Exclusive mode refuses new connections, so every connection the writer may take must be open before it starts.
        await().atMost(Duration.ofSeconds(20)).until(() -> data.getHikariPoolMXBean().getTotalConnections() == 4);
        List<CompletableFuture<Void>> good = new ArrayList<>();
        CompletableFuture<Void> bad;
        try (Connection exclusive = data.getConnection(); Statement statement = exclusive.createStatement()) {
            // H2's exclusive mode pauses the writer inside its insert, so the records sent meanwhile queue up as one batch.
            statement.execute("SET EXCLUSIVE 1");
            assertThat(writerWaits(statement)).isFalse();
            good.add(CompletableFuture.runAsync(() -> log.append(record("blocked-writer", "{}"))));
            await().atMost(Duration.ofSeconds(20)).until(() -> writerWaits(statement));
            for (int i = 0; i < 8; i++) {
                String id = "queued-" + i;
                good.add(CompletableFuture.runAsync(() -> log.append(record(id, "{}"))));
            }
            bad = CompletableFuture.runAsync(() -> log.append(record("first", "{\"again\":true}")));
            await().atMost(Duration.ofSeconds(20)).until(() -> log.backlog() == 9);
            statement.execute("SET EXCLUSIVE 0");
        }

        CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).join();
        assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(DecisionLogUnavailableException.class)
                .hasMessage("the decision log could not write this decision");
        JdbcClient jdbc = JdbcClient.create(data);
        assertThat(jdbc.sql("select count(*) from decision_log").query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("select decision from decision_log where id = 'first'").query(String.class).single()).isEqualTo("{}");
        assertThat(HashChain.verify(jdbc).ok()).isTrue();
        log.append(record("after", "{}"));
        assertThat(jdbc.sql("select seq from decision_log where id = 'after'").query(Long.class).single()).isEqualTo(11);
    }

    /** Whether another session is inside a statement: in exclusive mode, only the writer waiting to insert can be. */
    private static boolean writerWaits(Statement statement) throws Exception {
        try (var rs = statement.executeQuery("select count(*) from information_schema.sessions where session_state = 'RUNNING' and session_id <> session_id()")) {
            return rs.next() && rs.getLong(1) == 1;
        }
    }

    @Test
    void aRecordLargerThanTheOldColumnsIsStoredAndOneOverTheLimitOrInAnOlderSchemaIsRefusedBeforeItIsQueued() {
        HikariDataSource data = database("record-size");
        Flyway.configure().dataSource(data).load().migrate();
        DecisionLog log = startedLog(data, 10);
        JdbcClient jdbc = JdbcClient.create(data);
        String large = "{\"text\":\"" + "a".repeat(300_000) + "\"}";

        log.append(record("large", large));

        assertThat(jdbc.sql("select decision from decision_log where id = 'large'").query(String.class).single()).isEqualTo(large);
        String tooLarge = "{\"text\":\"" + "é".repeat(600_000) + "\"}";
        assertThatThrownBy(() -> log.append(record("too-large", tooLarge))).isInstanceOf(DecisionTooLargeException.class)
                .satisfies(e -> {
                    DecisionTooLargeException refused = (DecisionTooLargeException) e;
                    assertThat(refused.field()).isEqualTo("record");
                    assertThat(refused.size()).isGreaterThan(1_200_000);
                    assertThat(refused.limit()).isEqualTo(DataSize.ofMegabytes(1).toBytes());
                });
        DecisionRecord longIntent = new DecisionRecord("long-intent", Instant.now(), 3, "crm", null, "es", "PHONE", "X".repeat(61), StoredSchema.CURRENT, "{}", "{}", 1);
        assertThatThrownBy(() -> log.append(longIntent)).isInstanceOf(DecisionTooLargeException.class).hasMessageContaining("intent");
        DecisionRecord oldSchema = new DecisionRecord("old-schema", Instant.now(), 3, "crm", null, "es", "PHONE", "OTHER", 1, "{}", "{}", 1);
        assertThatThrownBy(() -> log.append(oldSchema)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema version");
        assertThat(jdbc.sql("select count(*) from decision_log").query(Long.class).single()).isEqualTo(1);
        assertThat(HashChain.verify(jdbc).ok()).isTrue();
    }
}
