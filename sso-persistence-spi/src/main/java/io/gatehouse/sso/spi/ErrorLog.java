package io.gatehouse.sso.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The error log an admin reads. Records must never contain a secret, token or authorization code;
 * Gatehouse scrubs what it appends. Gatehouse records failures with {@link #count}, so that a flood of
 * identical failures (forged callbacks, say) adds one record, not one per request.
 *
 * <pre>{@code
 * errorLog.append(ErrorRecord.of(now, "sso.cancelled", "The user cancelled the login", "", path));
 * ErrorRecord counted = errorLog.count(ErrorRecord.of(now, "sso.state_mismatch", "...", "", path), Duration.ofHours(1));
 * List<ErrorRecord> newest = errorLog.list(0, 50);
 * }</pre>
 *
 * <p>What an implementation must guarantee (the {@code ErrorLogContract} of {@code sso-testkit} checks it):
 * <ul>
 *   <li>{@link #count} is atomic on every node sharing the store: N concurrent identical failures in one window
 *       leave one record with count N.</li>
 *   <li>Lists are newest first by (last) time, then by insertion order.</li>
 * </ul>
 */
public interface ErrorLog {

    /**
     * Stores the record and returns it with its assigned id.
     *
     * @param record the record to store; its id, if any, is ignored
     * @return the stored record, carrying the id the store assigned
     */
    ErrorRecord append(ErrorRecord record);

    /**
     * Stores a failure, or counts it on the record of the identical failures (same {@code kind}, {@code provider}
     * and {@code path}) of the same window. Windows are consecutive spans of {@code window} length counted from
     * the epoch, so every node agrees on them. A counted record keeps its first failure's info and data, adds one
     * to its count and moves its time to the latest failure's.
     *
     * @param record the failure to store or count; its id is ignored
     * @param window the flood-control window length; must be positive
     * @return the stored or counted record, with its id, count and first time
     */
    ErrorRecord count(ErrorRecord record, Duration window);

    /**
     * A page of records, newest first (by time, then by insertion order).
     *
     * @param offset how many of the newest records to skip; 0 for the first page
     * @param limit the most records to return
     * @return at most {@code limit} records; empty past the end
     */
    default List<ErrorRecord> list(int offset, int limit) {
        return list(ErrorQuery.ALL, offset, limit);
    }

    /**
     * A page of the records the query selects, newest first (by time, then by insertion order).
     *
     * @param query which records to select; {@link ErrorQuery#ALL} for every record
     * @param offset how many of the newest matching records to skip; 0 for the first page
     * @param limit the most records to return
     * @return at most {@code limit} records; empty past the end
     */
    List<ErrorRecord> list(ErrorQuery query, int offset, int limit);

    /**
     * Deletes records whose (last) time is older than {@code cutoff}; returns how many.
     *
     * @param cutoff records last seen strictly before this instant are deleted
     * @return the number of records deleted
     */
    int purgeOlderThan(Instant cutoff);

    /**
     * The start of the flood-control window {@code time} falls in: a multiple of {@code window} since the epoch.
     *
     * @param time the instant to place in a window
     * @param window the window length
     * @return the window's start, at or before {@code time}
     * @throws IllegalArgumentException when {@code window} is zero or negative
     */
    static Instant windowStart(Instant time, Duration window) {
        long size = window.toMillis();
        if (size <= 0) {
            throw new IllegalArgumentException("the window must be positive, not " + window);
        }
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }
}
