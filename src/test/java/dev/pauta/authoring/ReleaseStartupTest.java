package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pauta.TestBundles;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.InvalidBundleException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Start-up against a real H2 database migrated by Flyway, without the web server. */
class ReleaseStartupTest {

    private static final SnapshotCompiler COMPILER = new SnapshotCompiler(1000);
    private static Bundle fixture;

    private JdbcClient jdbc;
    private AuthoringStore store;
    private SnapshotHolder holder;
    private ReleaseStartup startup;

    @BeforeAll
    static void readFixture() {
        fixture = Bundle.fromFolder(TestBundles.fixture());
    }

    @BeforeEach
    void emptyDatabase() {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(data).load().migrate();
        jdbc = JdbcClient.create(data);
        store = new AuthoringStore(jdbc);
        holder = new SnapshotHolder();
        startup = new ReleaseStartup(store, new TransactionTemplate(new DataSourceTransactionManager(data)), COMPILER, holder,
                Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anEmptyDatabaseImportsTheFolderAsReleaseOneAndLaterStartsServeIt() {
        startup.load(fixture);
        startup.load(new Bundle(Map.of()));

        assertThat(store.releases()).singleElement().satisfies(release -> {
            assertThat(release.number()).isEqualTo(1);
            assertThat(release.hash()).isEqualTo(fixture.hash());
            assertThat(release.documents()).isEqualTo(fixture.documents().size());
        });
        assertThat(holder.current().release().number()).isEqualTo(1);
        assertThat(store.bundle(1)).isEqualTo(fixture);
    }

    @Test
    void aStoredReleaseWhoseDocumentsNoLongerMatchItsHashStopsStartUp() {
        startup.load(fixture);
        jdbc.sql("update document_revision set content = content || ' ' where path = 'manual/en/values.md'").update();
        holder.swap(null);

        assertThatThrownBy(() -> startup.load(fixture)).isInstanceOf(IllegalStateException.class).hasMessageContaining("release 1").hasMessageContaining("hash");
        assertThat(holder.maybeCurrent()).isEmpty();
    }

    @Test
    void aFolderThatDoesNotCompileLeavesTheDatabaseEmpty() {
        Map<String, String> documents = new TreeMap<>(fixture.documents());
        documents.put("rules/broken.drl", "package pauta.broken\nrule \"never closed\"\nwhen\n");

        assertThatThrownBy(() -> startup.load(new Bundle(documents))).isInstanceOf(InvalidBundleException.class);
        assertThat(store.currentReleaseNumber()).isEmpty();
        assertThat(jdbc.sql("select count(*) from document_revision").query(Integer.class).single()).isZero();
    }
}
