package io.gatehouse.sso.core.transaction;

import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.testkit.SingleUseValuesContract;

import java.time.Clock;
import java.time.Duration;

/** The engine's per-node single-use memory passes the contract every store must (for one node). */
class ReplayGuardTest extends SingleUseValuesContract {
    @Override
    protected SingleUseValues newStore() {
        return new ReplayGuard(Duration.ofMillis(100), Clock.systemUTC());
    }
}
