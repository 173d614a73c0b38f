package io.gatehouse.sso.servlet;

import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;

/**
 * One application node's view of the database every node of a test shares. Each call of
 * {@link #jdbcH2} opens its own {@link JdbcStores} (own objects, own caches, own migration check) over
 * the same named in-memory H2 database, as two real nodes in two JVMs would over one server database:
 * nothing is shared between nodes but the rows.
 */
record SharedStores(SocialAppRepository apps, UserDirectory users, SocialAccountRepository accounts,
                    SettingsStore settings, ErrorLog errorLog, SingleUseValues singleUseValues) {

    /**
     * @param database name of the in-memory H2 database (kept until the JVM exits); the same name reaches the same data
     * @param keys     the key ring every node of the cluster is configured with
     */
    static SharedStores jdbcH2(String database, SecretKeyRing keys) {
        JdbcStores stores = JdbcStores.create(EmbeddedH2.inMemory(database), keys);
        return new SharedStores(stores.socialApps(), stores.users(), stores.socialAccounts(), stores.settings(), stores.errorLog(),
                stores.singleUseValues());
    }
}
