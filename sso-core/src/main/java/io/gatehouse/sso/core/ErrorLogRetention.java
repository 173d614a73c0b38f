package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.ConfigValues;

import java.time.Duration;
import java.util.Objects;

/**
 * How long error-log records are kept and how identical failures are counted: records whose last failure is
 * older than {@code maxAge} are purged (at most once per {@code purgeInterval} per node, while failures are
 * recorded), and identical failures (same code, provider and path) within one {@code floodWindow} are counted on
 * one record, so a flood of forged callbacks adds a record per window, not a row per request.
 *
 * <pre>{@code
 * ErrorLogRetention retention = ErrorLogRetention.from(config.values()); // error_log_max_age_days, ...
 * LoginEngine engine = LoginEngine.builder(config).errorLogRetention(retention)...build();
 * }</pre>
 *
 * @param maxAge        how long a record is kept after its last failure
 * @param floodWindow   the span within which identical failures share a record
 * @param purgeInterval the least time between two purges by one node
 */
public record ErrorLogRetention(Duration maxAge, Duration floodWindow, Duration purgeInterval) {
    /** Days a record is kept after its last failure (default 90). */
    public static final ConfigKey MAX_AGE_DAYS = new ConfigKey("error_log_max_age_days", "ERROR_LOG_MAX_AGE_DAYS");
    /** Seconds of one flood-control window (default 3600). */
    public static final ConfigKey FLOOD_WINDOW_SECONDS = new ConfigKey("error_log_flood_window_seconds",
            "ERROR_LOG_FLOOD_WINDOW_SECONDS");

    /** 90 days, one-hour windows, a purge at most hourly. */
    public static final ErrorLogRetention DEFAULT = new ErrorLogRetention(Duration.ofDays(90), Duration.ofHours(1),
            Duration.ofHours(1));

    /**
     * Requires every part.
     *
     * @param maxAge how long a record is kept after its last failure
     * @param floodWindow the span within which identical failures share a record
     * @param purgeInterval the least time between two purges by one node
     * @throws IllegalArgumentException when {@code maxAge} or {@code floodWindow} is not positive or {@code
     *     purgeInterval} is negative
     */
    public ErrorLogRetention {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(floodWindow, "floodWindow");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        if (maxAge.isNegative() || maxAge.isZero() || floodWindow.toMillis() < 1 || purgeInterval.isNegative()) {
            throw new IllegalArgumentException("maxAge and floodWindow must be positive, purgeInterval not negative");
        }
    }

    /**
     * The retention the start-up configuration asks for.
     *
     * @param values the start-up configuration
     * @throws io.gatehouse.sso.core.config.ConfigException naming a key whose value is not a positive whole number
     * @return the retention, with {@link #DEFAULT}'s parts for keys that are not set
     */
    public static ErrorLogRetention from(ConfigValues values) {
        return new ErrorLogRetention(Duration.ofDays(values.positiveLong(MAX_AGE_DAYS, DEFAULT.maxAge().toDays())),
                Duration.ofSeconds(values.positiveLong(FLOOD_WINDOW_SECONDS, DEFAULT.floodWindow().toSeconds())),
                DEFAULT.purgeInterval());
    }
}
