package io.gatehouse.sso.core.transaction;

import io.gatehouse.sso.spi.SingleUseValues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The login engine's own {@link SingleUseValues} when the host gives none: used values in this node's
 * memory until they expire. A replayed callback or sign-up form on this node fails even if the IdP does
 * not enforce single-use codes; another node, or this one after a restart, does not know them. Memory is
 * bounded by the values used within their lifetime; expired ones are swept at most once per sweep interval.
 */
public final class ReplayGuard implements SingleUseValues {
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Duration sweepInterval;
    private final Clock clock;
    private volatile Instant nextSweep;

    /**
     * Internal: a guard in this node's memory that forgets expired values at most once per sweep interval.
     *
     * @param sweepInterval the least time between two sweeps
     * @param clock the time values expire by
     */
    public ReplayGuard(Duration sweepInterval, Clock clock) {
        this.sweepInterval = sweepInterval;
        this.clock = clock;
        this.nextSweep = clock.instant().plus(sweepInterval);
    }

    /** True the first time a value is presented (or after its earlier use expired); false on every later presentation. */
    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        sweep(now);
        boolean[] first = {false};
        used.compute(value, (v, earlier) -> {
            if (earlier != null && earlier.isAfter(now)) {
                return earlier;
            }
            first[0] = true;
            return expiresAt;
        });
        return first[0];
    }

    /** How many uses are remembered, expired ones not yet swept included: lets a test see that memory stays bounded. */
    int remembered() {
        return used.size();
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(sweepInterval);
        // the map's removeIf removes an entry only if it still holds the value tested: a use taken over meanwhile stays
        used.entrySet().removeIf(e -> !e.getValue().isAfter(now));
    }
}
