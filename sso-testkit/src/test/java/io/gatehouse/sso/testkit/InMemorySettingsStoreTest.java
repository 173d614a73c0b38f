package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SettingsStore;

class InMemorySettingsStoreTest extends SettingsStoreContract {
    @Override
    protected SettingsStore newStore() { return new InMemorySettings(); }
}
