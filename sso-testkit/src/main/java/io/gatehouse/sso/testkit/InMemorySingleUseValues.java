package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SingleUseValues;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Thread-safe in-memory {@link SingleUseValues} for tests and single-node trials: one lock, a map of value to
 * expiry, expired values dropped as calls come. "Once" holds only inside this object (one node, until restart).
 *
 * <pre>{@code
 * SingleUseValues used = new InMemorySingleUseValues();
 * used.firstUse("signup:42", now.plusSeconds(600)); // true
 * used.firstUse("signup:42", now.plusSeconds(600)); // false
 * }</pre>
 */
public final class InMemorySingleUseValues implements SingleUseValues {
    private final Object lock = new Object();
    private final Map<String, Instant> expiries = new HashMap<>();
    private final Clock clock;

    /** Values expire by the system clock. */
    public InMemorySingleUseValues() {
        this(Clock.systemUTC());
    }

    /**
     * Values expire by this clock (a test may move it).
     *
     * @param clock the time values expire by
     */
    public InMemorySingleUseValues(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        synchronized (lock) {
            expiries.values().removeIf(expiry -> !expiry.isAfter(now));
            return expiries.putIfAbsent(value, expiresAt) == null;
        }
    }

    /**
     * How many values are remembered now (expired ones are dropped at the next call).
     *
     * @return the number of values remembered
     */
    public int size() {
        synchronized (lock) {
            return expiries.size();
        }
    }
}
