package io.gatehouse.sso.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock a test moves forward by hand, to expire sealed cookies and links without waiting.
 * {@link #fixedAt} stands still between jumps; {@link #followingSystemTime} runs with real time plus the
 * jumps, which keeps the engine's clock consistent with Nimbus (which checks ID tokens against system time).
 *
 * <pre>{@code
 * AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-05-01T10:00:00Z"));
 * InMemorySingleUseValues used = new InMemorySingleUseValues(clock);
 * clock.advance(Duration.ofMinutes(11));   // past a ten-minute lifetime
 * }</pre>
 */
public final class AdjustableClock extends Clock {
    private final Supplier<Instant> base;
    private volatile Duration offset = Duration.ZERO;

    private AdjustableClock(Supplier<Instant> base) {
        this.base = base;
    }

    /**
     * A clock that stands at {@code start} until {@link #advance} moves it.
     *
     * @param start the instant the clock shows
     * @return a clock in UTC
     */
    public static AdjustableClock fixedAt(Instant start) {
        return new AdjustableClock(() -> start);
    }

    /**
     * A clock that runs with the system clock, plus every {@link #advance}.
     *
     * @return a clock in UTC
     */
    public static AdjustableClock followingSystemTime() {
        return new AdjustableClock(Instant::now);
    }

    /**
     * Moves this clock forward (or back, for a negative duration) by {@code by}, from now on.
     *
     * @param by how far to move; negative moves back
     */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset);
    }
}
