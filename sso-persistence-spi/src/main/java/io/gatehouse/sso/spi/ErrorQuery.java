package io.gatehouse.sso.spi;

import java.time.Instant;

/**
 * Which error-log records an admin wants to see: each part narrows the list, a {@code null} part does not.
 *
 * <pre>{@code
 * List<ErrorRecord> page = errorLog.list(new ErrorQuery("sso.state_mismatch", "keycloak", yesterday, null), 0, 50);
 * }</pre>
 *
 * @param kind     only records of this kind, e.g. {@code sso.state_mismatch}
 * @param provider only records of this provider route id
 * @param from     only records whose (last) time is at or after this
 * @param until    only records whose (last) time is before this
 */
public record ErrorQuery(String kind, String provider, Instant from, Instant until) {

    /** Every record. */
    public static final ErrorQuery ALL = new ErrorQuery(null, null, null, null);

    /**
     * Blank {@code kind} and {@code provider} are read as {@code null}, so an empty form field selects everything.
     *
     * @param kind only records of this kind, e.g. {@code sso.state_mismatch}
     * @param provider only records of this provider route id
     * @param from only records whose (last) time is at or after this
     * @param until only records whose (last) time is before this
     */
    public ErrorQuery {
        kind = blankToNull(kind);
        provider = blankToNull(provider);
    }

    /**
     * Whether a record passes this query.
     *
     * @param record the record to test
     * @return true when every non-null part of this query accepts the record
     */
    public boolean matches(ErrorRecord record) {
        return (kind == null || kind.equals(record.kind()))
                && (provider == null || provider.equals(record.provider()))
                && (from == null || !record.time().isBefore(from))
                && (until == null || record.time().isBefore(until));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
