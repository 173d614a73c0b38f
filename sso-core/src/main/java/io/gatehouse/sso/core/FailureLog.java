package io.gatehouse.sso.core;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the admin-readable error-log record of a failure, and a log line, with every known secret
 * (client secret, code, tokens, sealed cookies) blanked out and the text bounded. A failing error log
 * never turns a login failure into a crash. Identical failures within the {@link ErrorLogRetention}'s window are
 * counted on one record (and only the first is logged as a warning), and records older than its maximum age are
 * purged now and then, as failures are recorded.
 *
 * <pre>{@code
 * String id = failureLog.record("sso.state_mismatch", "The login state did not match",
 *         "provider=keycloak", "auth:/accounts/keycloak/login/callback/", List.of(code, app.secret()));
 * }</pre>
 */
public final class FailureLog {
    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);
    private static final int MAX_DATA = 4000;
    /**
     * Refusals that say this node or its store is not serving, not that a sign-in went wrong: they go to the log
     * only. The error log usually lives in the very store that failed (appending would wait out the same time-out
     * a second time), and a stopping node should not start writes.
     */
    private static final Set<FailureCode> LOGGED_ONLY = EnumSet.of(FailureCode.STORE_UNAVAILABLE, FailureCode.SHUTTING_DOWN);

    private final ErrorLog errorLog;
    private final Clock clock;
    private final ErrorLogRetention retention;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    /** A writer with the {@link ErrorLogRetention#DEFAULT} retention. */
    public FailureLog(ErrorLog errorLog, Clock clock) {
        this(errorLog, clock, ErrorLogRetention.DEFAULT);
    }

    public FailureLog(ErrorLog errorLog, Clock clock, ErrorLogRetention retention) {
        this.errorLog = errorLog;
        this.clock = clock;
        this.retention = retention;
    }

    /** Appends a record; returns its id, or null when the error log itself failed (that is logged). */
    public String record(String kind, String info, String data, String path, Collection<String> secrets) {
        String safeInfo = scrub(info, secrets);
        String safeData = scrub(data, secrets);
        // the path holds the provider id from the request URL, and info may quote the request: neither may
        // start a new log line (log forging)
        String safePath = scrub(path, secrets).replace('\n', ' ');
        String oneLine = safeInfo.replace('\n', ' ');
        try {
            ErrorRecord stored = errorLog.count(ErrorRecord.of(clock.instant(), kind, safeInfo, safeData, safePath),
                    retention.floodWindow());
            if (stored.count() == 1) {
                LOG.warn("{} at {}: {} [error log {}]", kind, safePath, oneLine, stored.id());
            } else {
                // a flood must not fill the log file either: the record counts it
                LOG.debug("{} at {}: {} [error log {}, {} times]", kind, safePath, oneLine, stored.id(), stored.count());
            }
            purgeNowAndThen();
            return stored.id();
        } catch (RuntimeException e) {
            LOG.error("{} at {}: {} (the error log could not store this: {})", kind, safePath, oneLine, e.toString());
            return null;
        }
    }

    /** Purges expired records, at most once per purge interval on this node; a failed purge waits for the next. */
    private void purgeNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (last.isAfter(now.minus(retention.purgeInterval())) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try {
            int purged = errorLog.purgeOlderThan(now.minus(retention.maxAge()));
            if (purged > 0) {
                LOG.info("Purged {} error-log records older than {}", purged, retention.maxAge());
            }
        } catch (RuntimeException e) {
            LOG.warn("The error log could not be purged: {}", e.toString());
        }
    }

    /** Blanks every secret of at least 4 characters, strips control characters, bounds the length. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (secrets != null) {
            for (String secret : secrets) {
                if (secret != null && secret.length() >= 4) {
                    out = out.replace(secret, "(redacted)");
                }
            }
        }
        StringBuilder clean = new StringBuilder(Math.min(out.length(), MAX_DATA));
        for (int i = 0; i < out.length() && clean.length() < MAX_DATA; i++) {
            char c = out.charAt(i);
            clean.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
        }
        if (out.length() > MAX_DATA) {
            clean.append("... (truncated)");
        }
        return clean.toString();
    }

    /** Records a login failure and returns its typed outcome, with a safe next path. */
    LoginOutcome.Failed refuse(FailureCode code, String info, String data, String path, String next, Collection<String> secrets) {
        String id = null;
        if (LOGGED_ONLY.contains(code)) {
            LOG.warn("{} at {}: {} [not in the error log]", code.kind(), scrub(path, secrets).replace('\n', ' '),
                    scrub(info, secrets).replace('\n', ' '));
        } else {
            id = record(code.kind(), info, data, path, secrets);
        }
        return new LoginOutcome.Failed(new LoginFailure(code, code.message(), id), SafeNext.of(next));
    }
}
