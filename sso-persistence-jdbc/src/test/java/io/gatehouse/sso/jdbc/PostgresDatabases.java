package io.gatehouse.sso.jdbc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real PostgreSQL for tests, configured by {@code GATEHOUSE_PG_URL}, {@code GATEHOUSE_PG_USER} and
 * {@code GATEHOUSE_PG_PASSWORD} (system properties, else environment). Each {@link #fresh()} is a new,
 * uniquely named schema; the schemas are dropped after the test class. Unconfigured, the tests are skipped
 * with a message saying how to enable them, except on CI ({@code CI=true}), where they fail: CI must run them.
 * Data sources are {@code PGSimpleDataSource}: no pool, every call opens its own connection. Other modules' tests
 * use it through this module's test-jar.
 */
public final class PostgresDatabases implements BeforeAllCallback, AfterAllCallback {
    static final String HOW_TO_ENABLE = "set GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD"
            + " (environment or -D system properties); to start a local PostgreSQL and set them:"
            + " eval \"$(bash .ci/postgres.sh)\"";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final List<String> schemas = new ArrayList<>();

    static String setting(String name) {
        String value = System.getProperty(name);
        return value != null && !value.isBlank() ? value : System.getenv(name);
    }

    static boolean configured() {
        String url = setting("GATEHOUSE_PG_URL");
        return url != null && !url.isBlank();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (configured()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but PostgreSQL is not configured, so the PostgreSQL tests cannot run: " + HOW_TO_ENABLE);
        }
        String message = "PostgreSQL tests skipped: " + HOW_TO_ENABLE;
        if (WARNED.compareAndSet(false, true)) {
            // a skip is easy to miss in a quiet build; say it once where the developer looks
            System.err.println("[WARNING] " + message);
        }
        Assumptions.abort(message);
    }

    /** A data source on a new, empty schema of the configured database. */
    public DataSource fresh() {
        return freshSchema().dataSource();
    }

    /** A new, empty schema of the configured database, dropped after the test class. */
    public synchronized PostgresSchema freshSchema() {
        String schema = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return new PostgresSchema(setting("GATEHOUSE_PG_URL"), setting("GATEHOUSE_PG_USER"), setting("GATEHOUSE_PG_PASSWORD"),
                schema);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        schemas.forEach(schema -> admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        schemas.clear();
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(setting("GATEHOUSE_PG_URL"), setting("GATEHOUSE_PG_USER"),
                setting("GATEHOUSE_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed: " + sql, e);
        }
    }
}
