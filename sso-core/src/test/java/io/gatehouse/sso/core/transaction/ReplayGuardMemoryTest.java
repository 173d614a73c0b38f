package io.gatehouse.sso.core.transaction;

import io.gatehouse.sso.testkit.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-node replay guard forgets expired uses at its sweeps, and only those (the contract itself is in ReplayGuardTest). */
class ReplayGuardMemoryTest {
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-05-01T10:00:00Z"));
    final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(1), clock);

    @Test
    void expiredUsesAreForgottenAtTheNextSweep() {
        guard.firstUse("callback-state:a", clock.instant().plusSeconds(10));
        guard.firstUse("callback-state:b", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofMinutes(1));

        guard.firstUse("callback-state:c", clock.instant().plusSeconds(10));

        assertThat(guard.remembered()).as("a and b expired and were swept; c is remembered").isEqualTo(1);
    }

    @Test
    void noSweepRunsBeforeTheSweepIntervalIsOver() {
        guard.firstUse("callback-state:a", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(59));

        guard.firstUse("callback-state:b", clock.instant().plusSeconds(10));

        assertThat(guard.remembered()).isEqualTo(2);
    }

    @Test
    void aSweepKeepsTheUsesThatHaveNotExpired() {
        guard.firstUse("callback-state:a", clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(2));

        assertThat(guard.firstUse("callback-state:b", clock.instant().plusSeconds(10))).isTrue();
        assertThat(guard.firstUse("callback-state:a", clock.instant().plus(Duration.ofHours(1))))
                .as("a sweep ran, and the unexpired use of a survived it").isFalse();
    }

    @Test
    void aUseExpiringExactlyNowIsSwept() {
        guard.firstUse("callback-state:a", clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));

        guard.firstUse("callback-state:b", clock.instant().plusSeconds(10));

        assertThat(guard.remembered()).isEqualTo(1);
    }
}
