package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.SingleUseValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link SingleUseValues} on {@code sso_single_use}. The value is the primary key, so of any number of
 * concurrent first uses on any number of nodes exactly one insert succeeds. A use whose row has expired is
 * taken over by a conditional update, which the database also grants to one caller only. Expired rows are
 * deleted in small batches after a call, at most once a minute per node unless a full batch shows more are
 * waiting, and rows another transaction holds are skipped: cleaning up never waits for, or holds up, a login.
 */
final class JdbcSingleUseValues implements SingleUseValues {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSingleUseValues.class);
    static final int PURGE_BATCH = 500;
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    /** A row may vanish (purged) between a failed insert and the take-over; the insert is then tried again. */
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Clock clock;
    private final AtomicReference<Instant> nextPurge;

    JdbcSingleUseValues(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.nextPurge = new AtomicReference<>(clock.instant());
    }

    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        boolean first = claim(value, expiresAt, now);
        purgeIfDue(now);
        return first;
    }

    private boolean claim(String value, Instant expiresAt, Instant now) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return db.transaction(c -> insert(c, value, expiresAt));
            } catch (DuplicateKeyException used) {
                int taken = db.transaction(c -> takeOverExpired(c, value, expiresAt, now));
                if (taken == 1) {
                    return true;
                }
                if (db.transaction(c -> exists(c, value))) {
                    return false;
                }
            }
        }
        throw new PersistenceException("the single-use value kept changing under concurrent calls");
    }

    private static boolean insert(Connection c, String value, Instant expiresAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_single_use (use_value, expires_at) VALUES (?, ?)")) {
            s.setString(1, value);
            Timestamps.set(s, 2, expiresAt);
            return s.executeUpdate() == 1;
        }
    }

    private static int takeOverExpired(Connection c, String value, Instant expiresAt, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE sso_single_use SET expires_at = ? WHERE use_value = ? AND expires_at <= ?")) {
            Timestamps.set(s, 1, expiresAt);
            s.setString(2, value);
            Timestamps.set(s, 3, now);
            return s.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sso_single_use WHERE use_value = ?")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** One bounded delete of expired rows when due; a failure is logged, never passed to the caller. */
    private void purgeIfDue(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
            return;
        }
        try {
            int deleted = purge(now);
            if (deleted == PURGE_BATCH) {
                // more are waiting: the next call purges again
                nextPurge.set(now);
            }
        } catch (PersistenceException e) {
            LOG.warn("Expired single-use values could not be deleted (tried again in {}): {}", PURGE_INTERVAL,
                    e.getMessage());
        }
    }

    /** Deletes up to {@link #PURGE_BATCH} rows expired before {@code now}, skipping rows other transactions hold. */
    int purge(Instant now) {
        return db.transaction(c -> {
            // no ORDER BY: any expired rows will do, and H2 2.5 miscounts ORDER BY with FOR UPDATE in a subquery
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_single_use WHERE use_value IN"
                    + " (SELECT use_value FROM sso_single_use WHERE expires_at < ?"
                    + " FETCH FIRST " + PURGE_BATCH + " ROWS ONLY FOR UPDATE SKIP LOCKED)")) {
                Timestamps.set(s, 1, now);
                return s.executeUpdate();
            }
        });
    }
}
