package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The host's {@link DataSource}, used one short transaction at a time: every call borrows a connection,
 * commits or rolls back, and gives it back, so a pool (or none) and any number of nodes work alike.
 */
final class Database {

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Failures a database may give any transaction under concurrency (serialization failure, deadlock,
     * PostgreSQL's deadlock code, H2's lock timeout and concurrent update); the same work usually succeeds
     * when simply tried again.
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");
    private static final int ATTEMPTS = 5;
    /**
     * PostgreSQL's states for a server that is going away or cannot take the connection (admin or crash shutdown,
     * starting up, too many connections) and for a statement cut off by its time-out; class 08 (connection
     * exception) is matched as a whole.
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} in a transaction. A unique-constraint violation becomes {@link DuplicateKeyException}
     * (callers that expect races handle it); transient concurrency failures are retried; a database that cannot
     * be reached in time becomes {@link StoreUnavailableException} at once (retrying would only make the caller
     * wait longer for the same answer).
     */
    <T> T transaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new DuplicateKeyException(e);
                }
                if (isUnavailable(e)) {
                    throw new StoreUnavailableException("the database is unavailable (SQLState " + e.getSQLState() + "): "
                            + e.getMessage(), e);
                }
                if (attempt < ATTEMPTS && e.getSQLState() != null && TRANSIENT.contains(e.getSQLState())) {
                    pause(attempt);
                    continue;
                }
                throw new PersistenceException("database call failed (SQLState " + e.getSQLState() + "): "
                        + e.getMessage(), e);
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                restoreAutoCommit(c, autoCommit, e);
                throw e;
            }
            restoreAutoCommit(c, autoCommit, null);
            return result;
        }
    }

    /**
     * Hands a pooled connection back the way it came. On a connection that broke (the failure being thrown says why)
     * this fails too, and must not hide that failure; after a commit it must not turn the committed work into an
     * error (a pool discards or resets the connection anyway).
     */
    private static void restoreAutoCommit(Connection c, boolean autoCommit, Throwable failure) {
        if (!autoCommit) {
            return;
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            // the original failure matters more; closing the connection discards the transaction anyway
            cause.addSuppressed(rollbackFailure);
        }
    }

    /**
     * A connection that could not be had or broke, decided by the JDBC exception types drivers and pools use for
     * it (HikariCP's pool time-out is a {@link SQLTransientConnectionException}; H2's lost connection a
     * {@link SQLNonTransientConnectionException}) and by SQLState, never by message text.
     */
    static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static void pause(int attempt) {
        try {
            // random back-off so that racing nodes do not collide again in lock-step
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while retrying a database call", e);
        }
    }
}
