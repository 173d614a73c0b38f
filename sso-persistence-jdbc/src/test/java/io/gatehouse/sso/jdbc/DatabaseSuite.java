package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.testkit.ErrorLogContract;
import io.gatehouse.sso.testkit.ErrorLogFloodContract;
import io.gatehouse.sso.testkit.GroupStoreContract;
import io.gatehouse.sso.testkit.IdentityStores;
import io.gatehouse.sso.testkit.SessionRegistryContract;
import io.gatehouse.sso.testkit.SettingsStoreContract;
import io.gatehouse.sso.testkit.SingleUseValuesContract;
import io.gatehouse.sso.testkit.SocialAccountRepositoryContract;
import io.gatehouse.sso.testkit.SocialAppRepositoryContract;
import io.gatehouse.sso.testkit.TokenCompareAndSetContract;
import io.gatehouse.sso.testkit.UserDirectoryContract;
import org.junit.jupiter.api.Nested;

import javax.sql.DataSource;

/**
 * Every SPI contract and every JDBC behaviour, once per database: a subclass says which database a
 * fresh test gets (H2 in memory, or a fresh PostgreSQL schema), so both run exactly the same tests.
 */
abstract class DatabaseSuite {

    /** A fresh, empty database for one test. */
    protected abstract DataSource freshDatabase();

    JdbcStores stores() {
        return JdbcStores.create(freshDatabase(), TestKeys.k1());
    }

    static IdentityStores identity(JdbcStores stores) {
        return new IdentityStores(stores.users(), stores.socialAccounts(), stores.groups());
    }

    @Nested
    class SocialApps extends SocialAppRepositoryContract {
        @Override
        protected SocialAppRepository newRepository() {
            return stores().socialApps();
        }
    }

    @Nested
    class SocialAccounts extends SocialAccountRepositoryContract {
        @Override
        protected IdentityStores newStores() {
            return identity(stores());
        }
    }

    @Nested
    class Users extends UserDirectoryContract {
        @Override
        protected IdentityStores newStores() {
            return identity(stores());
        }
    }

    @Nested
    class Groups extends GroupStoreContract {
        @Override
        protected IdentityStores newStores() {
            return identity(stores());
        }
    }

    @Nested
    class Settings extends SettingsStoreContract {
        @Override
        protected SettingsStore newStore() {
            return stores().settings();
        }
    }

    @Nested
    class Errors extends ErrorLogContract {
        @Override
        protected ErrorLog newLog() {
            return stores().errorLog();
        }
    }

    @Nested
    class ErrorFloods extends ErrorLogFloodContract {
        @Override
        protected ErrorLog newLog() {
            return stores().errorLog();
        }
    }

    @Nested
    class SingleUse extends SingleUseValuesContract {
        private DataSource shared;

        @Override
        protected SingleUseValues newStore() {
            shared = freshDatabase();
            return JdbcStores.create(shared, TestKeys.k1()).singleUseValues();
        }

        /** Another node: its own stores over the same database. */
        @Override
        protected SingleUseValues anotherNode() {
            return JdbcStores.create(shared, TestKeys.k1()).singleUseValues();
        }

        @Override
        protected int concurrentUses() {
            // each call takes its own connection: stay well inside a test server's connection limit
            return 16;
        }
    }

    @Nested
    class Sessions extends SessionRegistryContract {
        private DataSource shared;

        @Override
        protected SessionRegistry newRegistry() {
            shared = freshDatabase();
            return JdbcStores.create(shared, TestKeys.k1()).sessions();
        }

        /** Another node: its own stores over the same database. */
        @Override
        protected SessionRegistry anotherNode() {
            return JdbcStores.create(shared, TestKeys.k1()).sessions();
        }

        @Override
        protected int concurrentEnds() {
            return 8;
        }
    }

    @Nested
    class TokenCompareAndSet extends TokenCompareAndSetContract {
        private DataSource shared;

        @Override
        protected IdentityStores newStores() {
            shared = freshDatabase();
            return identity(JdbcStores.create(shared, TestKeys.k1()));
        }

        @Override
        protected SocialAccountRepository anotherNode() {
            return JdbcStores.create(shared, TestKeys.k1()).socialAccounts();
        }

        @Override
        protected int concurrentCallers() {
            return 8;
        }
    }

    @Nested
    class SingleUseStorage extends SingleUseStorageSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class ConfirmationMarkerMigration extends ConfirmationMarkerMigrationSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class SecretsAtRest extends SecretsAtRestSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class KeyStartup extends KeyStartupSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class KeyRotation extends KeyRotationSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class Migration extends MigrationSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class Concurrency extends ConcurrencySpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }

    @Nested
    class StoreDetails extends StoreDetailsSpec {
        @Override
        protected DataSource freshDatabase() {
            return DatabaseSuite.this.freshDatabase();
        }
    }
}
