package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.UserDirectory;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The "your own stores" the SPI and testing guides' contract-test snippets name (MyStores, MySingleUseValues,
 * MySettingsStore, freshDatabase()), here the JDBC stores on a fresh in-memory H2 database, so the snippets compile
 * against the real contracts.
 */
final class MyStores {
    private static final SecretKeyRing KEYS = SecretKeyRing.of("k1", SecretKeyRing.generateKey());

    private final JdbcStores stores;

    MyStores(DataSource dataSource) {
        this.stores = JdbcStores.create(dataSource, KEYS);
    }

    static DataSource freshDatabase() {
        return EmbeddedH2.inMemory("snippets-" + UUID.randomUUID());
    }

    UserDirectory users() {
        return stores.users();
    }

    SocialAccountRepository accounts() {
        return stores.socialAccounts();
    }

    GroupStore groups() {
        return stores.groups();
    }

    /** A store of single-use values on a database shared by the nodes. */
    static final class MySingleUseValues implements SingleUseValues {
        private final SingleUseValues jdbc;

        MySingleUseValues(DataSource dataSource) {
            this.jdbc = new MyStores(dataSource).stores.singleUseValues();
        }

        @Override
        public boolean firstUse(String value, Instant expiresAt) {
            return jdbc.firstUse(value, expiresAt);
        }
    }

    /** A settings store on a database. */
    static final class MySettingsStore implements SettingsStore {
        private final SettingsStore jdbc;

        MySettingsStore(DataSource dataSource) {
            this.jdbc = new MyStores(dataSource).stores.settings();
        }

        @Override
        public Optional<String> get(String key) {
            return jdbc.get(key);
        }

        @Override
        public void put(String key, String value) {
            jdbc.put(key, value);
        }

        @Override
        public void remove(String key) {
            jdbc.remove(key);
        }

        @Override
        public Map<String, String> all() {
            return jdbc.all();
        }
    }
}
