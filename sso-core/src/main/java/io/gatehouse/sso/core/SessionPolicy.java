package io.gatehouse.sso.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sign-in sessions and access tokens are trusted.
 *
 * <pre>{@code
 * LoginEngine.builder(config)...sessionPolicy(new SessionPolicy(Duration.ofHours(10), Duration.ofMinutes(2))).build();
 * }</pre>
 *
 * @param sessionMaxAge the longest a sign-in session lives: afterwards the {@code SessionLifecycle} reports it ended
 *                      (a host filter then signs the user out) and the registry may forget it
 * @param refreshSkew   how long before its expiry an access token counts as expired, so a host never gets a token
 *                      that dies on the way to the API
 */
public record SessionPolicy(Duration sessionMaxAge, Duration refreshSkew) {
    /** Sessions live at most 24 hours; tokens are refreshed from a minute before they expire. */
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofHours(24), Duration.ofSeconds(60));

    public SessionPolicy {
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        if (sessionMaxAge.isNegative() || sessionMaxAge.isZero() || refreshSkew.isNegative()) {
            throw new IllegalArgumentException("sessionMaxAge must be positive and refreshSkew not negative");
        }
    }
}
