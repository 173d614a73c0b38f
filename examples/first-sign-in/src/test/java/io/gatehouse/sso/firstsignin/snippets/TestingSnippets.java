package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.firstsignin.snippets.MyStores.MySettingsStore;

import static io.gatehouse.sso.firstsignin.snippets.MyStores.freshDatabase;

// snippet:engine
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;

import java.util.Map;
// end:engine
// snippet:contract
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.testkit.SettingsStoreContract;
// end:contract

/** The Java of docs/testing.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class TestingSnippets {
    void engine(GatehouseConfig config) {
        // snippet:engine
        InMemoryIdentityStore store = new InMemoryIdentityStore();
        LoginEngine engine = LoginEngine.builder(config)
                .apps(new InMemorySocialApps()).accounts(store).users(store)
                .settings(new InMemorySettings(Map.of("LOGIN_ENABLE_SSO", "true")))
                .errorLog(new InMemoryErrorLog())
                .build();
        // end:engine
    }

    // snippet:contract
    class MySettingsStoreTest extends SettingsStoreContract {
        @Override
        protected SettingsStore newStore() {
            return new MySettingsStore(freshDatabase());   // your implementation, on a fresh database
        }
    }
    // end:contract
}
