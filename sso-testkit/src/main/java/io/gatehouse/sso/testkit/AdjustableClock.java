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
 */
public final class AdjustableClock extends Clock {
    private final Supplier<Instant> base;
    private volatile Duration offset = Duration.ZERO;

    private AdjustableClock(Supplier<Instant> base) {
        this.base = base;
    }

    public static AdjustableClock fixedAt(Instant start) {
        return new AdjustableClock(() -> start);
    }

    public static AdjustableClock followingSystemTime() {
        return new AdjustableClock(Instant::now);
    }

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
