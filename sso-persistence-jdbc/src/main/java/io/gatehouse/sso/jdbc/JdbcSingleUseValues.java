package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.SingleUseValues;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link SingleUseValues} on {@code sso_single_use}. The value is the primary key, so of any number of
 * concurrent first uses on any number of nodes exactly one insert succeeds. A use whose row has expired is
 * taken over by a conditional update, which the database also grants to one caller only. Expired rows are
 * deleted by {@link ExpiredRows}: in small batches that never wait for, or hold up, a login.
 */
final class JdbcSingleUseValues implements SingleUseValues {
    static final int PURGE_BATCH = ExpiredRows.BATCH;
    /** A row may vanish (purged) between a failed insert and the take-over; the insert is then tried again. */
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Clock clock;
    private final ExpiredRows expired;

    JdbcSingleUseValues(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.expired = new ExpiredRows(db, "sso_single_use", "use_value", clock.instant());
    }

    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        boolean first = claim(value, expiresAt, now);
        expired.purgeIfDue(now);
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

    /** Deletes up to {@link ExpiredRows#BATCH} expired rows now (tests call it directly). */
    int purge(Instant now) {
        return expired.purge(now);
    }
}
