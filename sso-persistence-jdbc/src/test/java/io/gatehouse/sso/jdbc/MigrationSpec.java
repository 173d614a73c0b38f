package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up migrations: applied once, no-op when current, refused on a newer or changed schema. */
abstract class MigrationSpec {

    protected abstract DataSource freshDatabase();

    private DataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = freshDatabase();
    }

    @Test
    void aFreshDatabaseIsMigratedToTheLatestVersion() throws Exception {
        JdbcStores stores = JdbcStores.create(dataSource, TestKeys.k1());

        assertThat(stores.schemaVersion()).isEqualTo(SchemaMigrations.latestVersion());
        assertThat(RawTables.column(dataSource, "SELECT version FROM sso_schema_version ORDER BY version")).containsExactly("1", "2", "3", "5");
    }

    @Test
    void startingAgainIsANoOpAndKeepsTheData() throws Exception {
        JdbcStores.create(dataSource, TestKeys.k1()).settings().put("LOGIN_ENABLE_SSO", "true");

        JdbcStores again = JdbcStores.create(dataSource, TestKeys.k1());

        assertThat(again.settings().get("LOGIN_ENABLE_SSO")).contains("true");
        assertThat(RawTables.column(dataSource, "SELECT version FROM sso_schema_version ORDER BY version")).containsExactly("1", "2", "3", "5");
    }

    @Test
    void aDatabaseMigratedByANewerGatehouseIsRefusedNamingBothVersions() throws Exception {
        JdbcStores.create(dataSource, TestKeys.k1());
        RawTables.update(dataSource, "INSERT INTO sso_schema_version (version, description, checksum, installed_at)"
                + " VALUES (7, 'from_the_future', 'x', CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> JdbcStores.create(dataSource, TestKeys.k1()))
                .isInstanceOf(SchemaVersionTooNewException.class)
                .hasMessageContaining("7").hasMessageContaining(Integer.toString(SchemaMigrations.latestVersion()))
                .satisfies(e -> {
                    SchemaVersionTooNewException tooNew = (SchemaVersionTooNewException) e;
                    assertThat(tooNew.databaseVersion()).isEqualTo(7);
                    assertThat(tooNew.supportedVersion()).isEqualTo(SchemaMigrations.latestVersion());
                });
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsRefused() throws Exception {
        JdbcStores.create(dataSource, TestKeys.k1());
        RawTables.update(dataSource, "UPDATE sso_schema_version SET checksum = 'edited' WHERE version = 1");

        assertThatThrownBy(() -> JdbcStores.create(dataSource, TestKeys.k1()))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("V1__init").hasMessageContaining("changed");
    }

    @Test
    void nodesStartingTogetherApplyEachMigrationOnce() throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JdbcStores>> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                started.add(pool.submit(() -> {
                    start.await();
                    return JdbcStores.create(dataSource, TestKeys.k1());
                }));
            }
            start.countDown();
            for (Future<JdbcStores> node : started) {
                assertThat(node.get(60, TimeUnit.SECONDS).schemaVersion()).isEqualTo(SchemaMigrations.latestVersion());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(RawTables.column(dataSource, "SELECT version FROM sso_schema_version ORDER BY version")).containsExactly("1", "2", "3", "5");
    }

    @Test
    void withoutMigrationsTheHostsOwnSchemaIsUsedAndNoHistoryIsWritten() throws Exception {
        // what the host's Flyway or Liquibase runs from classpath:io/gatehouse/sso/jdbc/migration: every script
        for (String script : SchemaMigrations.scriptNames()) {
            for (String statement : SchemaMigrations.statements(SchemaMigrations.load(script).sql())) {
                RawTables.update(dataSource, statement);
            }
        }

        JdbcStores stores = JdbcStores.withoutMigrations(dataSource, TestKeys.k1());
        stores.settings().put("LOGIN_ENABLE_SSO", "true");

        assertThat(stores.schemaVersion()).isZero();
        assertThat(stores.settings().get("LOGIN_ENABLE_SSO")).contains("true");
        assertThat(RawTables.tables(dataSource)).isNotEmpty().noneMatch(table -> table.equalsIgnoreCase("sso_schema_version"));
    }

    @Test
    void withoutMigrationsAnEmptyDatabaseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> JdbcStores.withoutMigrations(dataSource, TestKeys.k1()))
                .isInstanceOf(PersistenceException.class);
    }
}
