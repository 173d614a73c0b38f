package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SingleUseValues;

class InMemorySingleUseValuesTest extends SingleUseValuesContract {
    @Override
    protected SingleUseValues newStore() { return new InMemorySingleUseValues(); }
}
