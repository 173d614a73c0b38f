package io.gatehouse.sso.core.session;

import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.testkit.SessionRegistryContract;

import java.time.Clock;

class LocalSessionRegistryTest extends SessionRegistryContract {
    @Override
    protected SessionRegistry newRegistry() {
        return new LocalSessionRegistry(Clock.systemUTC());
    }
}
