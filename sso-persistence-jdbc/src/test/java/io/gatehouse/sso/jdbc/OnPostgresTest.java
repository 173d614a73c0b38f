package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.testkit.ErrorLogContract;
import io.gatehouse.sso.testkit.GroupStoreContract;
import io.gatehouse.sso.testkit.IdentityStores;
import io.gatehouse.sso.testkit.SettingsStoreContract;
import io.gatehouse.sso.testkit.SocialAccountRepositoryContract;
import io.gatehouse.sso.testkit.SocialAppRepositoryContract;
import io.gatehouse.sso.testkit.UserDirectoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** Every SPI contract and every JDBC behaviour on a real PostgreSQL (see PostgresDatabases), each test on a fresh schema. */
class OnPostgresTest {

    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    static JdbcStores fresh() {
        return JdbcStores.create(PG.fresh(), TestKeys.k1());
    }

    static IdentityStores identity(JdbcStores stores) {
        return new IdentityStores(stores.users(), stores.socialAccounts(), stores.groups());
    }

    @Nested
    class SocialApps extends SocialAppRepositoryContract {
        @Override
        protected SocialAppRepository newRepository() {
            return fresh().socialApps();
        }
    }

    @Nested
    class SocialAccounts extends SocialAccountRepositoryContract {
        @Override
        protected IdentityStores newStores() {
            return identity(fresh());
        }
    }

    @Nested
    class Users extends UserDirectoryContract {
        @Override
        protected IdentityStores newStores() {
            return identity(fresh());
        }
    }

    @Nested
    class Groups extends GroupStoreContract {
        @Override
        protected IdentityStores newStores() {
            return identity(fresh());
        }
    }

    @Nested
    class Settings extends SettingsStoreContract {
        @Override
        protected SettingsStore newStore() {
            return fresh().settings();
        }
    }

    @Nested
    class Errors extends ErrorLogContract {
        @Override
        protected ErrorLog newLog() {
            return fresh().errorLog();
        }
    }

    @Nested
    class SecretsAtRest extends SecretsAtRestSpec {
        @Override
        protected DataSource freshDatabase() {
            return PG.fresh();
        }
    }

    @Nested
    class KeyStartup extends KeyStartupSpec {
        @Override
        protected DataSource freshDatabase() {
            return PG.fresh();
        }
    }

    @Nested
    class KeyRotation extends KeyRotationSpec {
        @Override
        protected DataSource freshDatabase() {
            return PG.fresh();
        }
    }

    @Nested
    class Migration extends MigrationSpec {
        @Override
        protected DataSource freshDatabase() {
            return PG.fresh();
        }
    }

    @Nested
    class Concurrency extends ConcurrencySpec {
        @Override
        protected DataSource freshDatabase() {
            return PG.fresh();
        }
    }

    @Nested
    class StoreDetails extends StoreDetailsSpec {
        @Override
        protected DataSource freshDatabase() {
            return PG.fresh();
        }
    }
}
