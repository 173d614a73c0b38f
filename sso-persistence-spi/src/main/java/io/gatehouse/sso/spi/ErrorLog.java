package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.List;

/**
 * The error log an admin reads. Records must never contain a secret, token or authorization code;
 * Gatehouse scrubs what it appends.
 *
 * <pre>{@code
 * errorLog.append(ErrorRecord.of(now, "sso.cancelled", "The user cancelled the login", "", path));
 * List<ErrorRecord> newest = errorLog.list(0, 50);
 * }</pre>
 */
public interface ErrorLog {

    /** Stores the record and returns it with its assigned id. */
    ErrorRecord append(ErrorRecord record);

    /** A page of records, newest first (by time, then by insertion order). */
    List<ErrorRecord> list(int offset, int limit);

    /** Deletes records older than {@code cutoff}; returns how many. */
    int purgeOlderThan(Instant cutoff);
}
