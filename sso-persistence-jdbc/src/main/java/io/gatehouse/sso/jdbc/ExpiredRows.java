package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deletes a table's rows whose {@code expires_at} has passed, in small batches after a store's call: at most once a
 * minute per node unless a full batch shows more are waiting, skipping rows another transaction holds, so cleaning
 * up never waits for, or holds up, a login.
 *
 * <pre>{@code
 * ExpiredRows expired = new ExpiredRows(db, "sso_single_use", "use_value", clock.instant());
 * expired.purgeIfDue(clock.instant());
 * }</pre>
 */
final class ExpiredRows {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRows.class);
    static final int BATCH = 500;
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Database db;
    private final String table;
    private final String keyColumn;
    private final AtomicReference<Instant> nextPurge;

    /** @param first when the first purge is due */
    ExpiredRows(Database db, String table, String keyColumn, Instant first) {
        this.db = db;
        this.table = table;
        this.keyColumn = keyColumn;
        this.nextPurge = new AtomicReference<>(first);
    }

    /** One bounded delete of expired rows when due; a failure is logged, never passed to the caller. */
    void purgeIfDue(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(INTERVAL))) {
            return;
        }
        try {
            if (purge(now) == BATCH) {
                // more are waiting: the next call purges again
                nextPurge.set(now);
            }
        } catch (PersistenceException e) {
            LOG.warn("Expired rows of {} could not be deleted (tried again in {}): {}", table, INTERVAL, e.getMessage());
        }
    }

    /** Deletes up to {@link #BATCH} rows expired before {@code now}, skipping rows other transactions hold. */
    int purge(Instant now) {
        return db.transaction(c -> {
            // no ORDER BY: any expired rows will do, and H2 2.5 miscounts ORDER BY with FOR UPDATE in a subquery
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + keyColumn + " IN"
                    + " (SELECT " + keyColumn + " FROM " + table + " WHERE expires_at < ?"
                    + " FETCH FIRST " + BATCH + " ROWS ONLY FOR UPDATE SKIP LOCKED)")) {
                Timestamps.set(s, 1, now);
                return s.executeUpdate();
            }
        });
    }
}
