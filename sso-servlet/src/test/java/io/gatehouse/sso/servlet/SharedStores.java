package io.gatehouse.sso.servlet;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;

/**
 * The one set of stores every application node of a test shares. In memory for now; once
 * sso-persistence-jdbc is merged, a {@code jdbcH2()} factory returning stores over one shared H2
 * database replaces {@link #inMemory()} in the tests, and nothing else changes.
 */
record SharedStores(SocialAppRepository apps, UserDirectory users, SocialAccountRepository accounts,
                    SettingsStore settings, ErrorLog errorLog) {

    static SharedStores inMemory() {
        InMemoryIdentityStore identities = new InMemoryIdentityStore();
        return new SharedStores(new InMemorySocialApps(), identities, identities, new InMemorySettings(), new InMemoryErrorLog());
    }
}
