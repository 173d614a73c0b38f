package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What differs between the supported databases. The schema and every query are plain SQL that H2 2.x and
 * PostgreSQL both run (identity columns, {@code TIMESTAMP WITH TIME ZONE}, {@code LIMIT/OFFSET},
 * {@code FOR UPDATE}, savepoints); only how concurrent migrations are kept apart differs.
 */
enum Dialect {

    /**
     * PostgreSQL runs DDL inside transactions, so the whole migration is one transaction guarded by a
     * transaction-scoped advisory lock: a second node waits, then sees the finished schema.
     */
    POSTGRESQL {
        @Override
        MigrationLock lockForMigration(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                s.setString(1, "io.gatehouse.sso.jdbc.migration:" + c.getSchema());
                s.execute();
            }
            return () -> {
                // released by the transaction's commit or rollback
            };
        }
    },

    /**
     * H2 commits at each DDL statement, so no database lock survives a migration. An embedded H2 database
     * belongs to one process, so a lock per database URL in this JVM keeps concurrent start-ups apart.
     */
    H2 {
        private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

        @Override
        MigrationLock lockForMigration(Connection c) throws SQLException {
            ReentrantLock lock = locks.computeIfAbsent(c.getMetaData().getURL(), url -> new ReentrantLock());
            lock.lock();
            return lock::unlock;
        }
    };

    /** Held while migrations run; closing it releases what a transaction end does not. */
    interface MigrationLock extends AutoCloseable {
        @Override
        void close();
    }

    abstract MigrationLock lockForMigration(Connection c) throws SQLException;

    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new PersistenceException("sso-persistence-jdbc supports H2 and PostgreSQL, not " + product);
    }
}
