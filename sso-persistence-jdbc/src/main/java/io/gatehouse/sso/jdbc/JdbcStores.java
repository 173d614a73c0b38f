package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

/**
 * Every Gatehouse store on one JDBC database (H2 or PostgreSQL): social apps, social accounts with their
 * tokens, users, groups, login settings, the error log, the single-use values and the sign-in sessions. {@link #create} brings the schema up to date
 * and checks the keys; afterwards each call borrows a connection from the host's {@link DataSource} for one
 * short transaction, so any number of application nodes can share the database. Thread-safe.
 *
 * <pre>{@code
 * DataSource dataSource = EmbeddedH2.file(Path.of("data/gatehouse"));   // or the host's pool / PGSimpleDataSource
 * SecretKeyRing keys = SecretKeyRing.of("k1", System.getenv("SSO_DB_KEY")); // openssl rand -base64 32
 * JdbcStores stores = JdbcStores.create(dataSource, keys);
 *
 * LoginEngine engine = LoginEngine.builder(config)
 *         .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
 *         .settings(stores.settings()).errorLog(stores.errorLog()).singleUseValues(stores.singleUseValues())
 *         .sessionRegistry(stores.sessions())
 *         .build();
 * }</pre>
 */
public final class JdbcStores {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStores.class);

    private final int schemaVersion;
    private final StoredSecrets secrets;
    private final JdbcSocialApps socialApps;
    private final JdbcSocialAccounts socialAccounts;
    private final JdbcUsers users;
    private final JdbcGroups groups;
    private final JdbcSettings settings;
    private final JdbcErrorLog errorLog;
    private final JdbcSingleUseValues singleUseValues;
    private final JdbcSessionRegistry sessions;

    private JdbcStores(Database db, ColumnCipher cipher, int schemaVersion) {
        this.schemaVersion = schemaVersion;
        this.secrets = new StoredSecrets(db, cipher);
        this.socialApps = new JdbcSocialApps(db, cipher);
        this.socialAccounts = new JdbcSocialAccounts(db, cipher);
        this.groups = new JdbcGroups(db);
        this.users = new JdbcUsers(db, socialAccounts, groups);
        this.settings = new JdbcSettings(db);
        this.errorLog = new JdbcErrorLog(db);
        this.singleUseValues = new JdbcSingleUseValues(db, Clock.systemUTC());
        this.sessions = new JdbcSessionRegistry(db, cipher, Clock.systemUTC());
    }

    /**
     * Migrates the schema (a no-op when it is current; safe when several nodes start at once), then checks
     * that the key ring can read every encrypted value already stored.
     *
     * @param dataSource the host's data source; each call takes one connection and gives it back
     * @param keys       the keys for client secrets and tokens; the current one encrypts new values
     * @throws SchemaVersionTooNewException when a newer Gatehouse already migrated this database
     * @throws UnknownSecretKeyException    when stored values name key ids the ring lacks
     * @throws SecretDecryptionException    when a key of the ring does not decrypt values stored under its id
     * @throws PersistenceException         when the database is unreachable or not H2 / PostgreSQL
     */
    public static JdbcStores create(DataSource dataSource, SecretKeyRing keys) {
        return start(dataSource, keys, true);
    }

    /**
     * Like {@link #create} but without migrating: for a host that runs the schema scripts with its own Flyway or
     * Liquibase (they are Flyway-named, under {@code classpath:io/gatehouse/sso/jdbc/migration}). Still checks that
     * the key ring can read every encrypted value, which also fails fast when the tables are missing.
     * {@link #schemaVersion()} is then 0: the host's tool keeps the history.
     *
     * <pre>{@code
     * // spring.flyway.locations=classpath:db/migration,classpath:io/gatehouse/sso/jdbc/migration
     * JdbcStores stores = JdbcStores.withoutMigrations(dataSource, keys);
     * }</pre>
     */
    public static JdbcStores withoutMigrations(DataSource dataSource, SecretKeyRing keys) {
        return start(dataSource, keys, false);
    }

    private static JdbcStores start(DataSource dataSource, SecretKeyRing keys, boolean migrate) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(keys, "keys");
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c);
        } catch (SQLException e) {
            throw new PersistenceException("cannot connect to the database: " + e.getMessage(), e);
        }
        Database db = new Database(dataSource);
        int version = migrate ? new SchemaMigrations(db, dialect).migrate() : 0;
        JdbcStores stores = new JdbcStores(db, new ColumnCipher(keys), version);
        stores.secrets.verify();
        LOG.info("Gatehouse JDBC stores ready on {} (schema version {}, current secret key id {})",
                dialect, migrate ? version : "managed by the application", keys.currentKeyId());
        return stores;
    }

    /** The admin-edited social apps; client secrets and keys are encrypted at rest. */
    public SocialAppRepository socialApps() {
        return socialApps;
    }

    /** Links from IdP identities to users, with their tokens (encrypted at rest). */
    public SocialAccountRepository socialAccounts() {
        return socialAccounts;
    }

    /** The users this store owns; {@link UserDirectory#register} is one transaction. */
    public UserDirectory users() {
        return users;
    }

    /** Groups and memberships; {@link GroupStore#apply} is one transaction. */
    public GroupStore groups() {
        return groups;
    }

    /** The login settings; also the {@link io.gatehouse.sso.spi.SettingsSource} the login flow reads. */
    public SettingsStore settings() {
        return settings;
    }

    /** The admin-readable error log. */
    public ErrorLog errorLog() {
        return errorLog;
    }

    /**
     * Values that may be used once (login callback states, sign-up forms, email-confirmation links), shared by
     * every node on this database: give it to the login engine so that "once" holds across nodes and restarts.
     */
    public SingleUseValues singleUseValues() {
        return singleUseValues;
    }

    /**
     * The sign-in sessions (their ID tokens encrypted at rest), shared by every node on this database: give it to the
     * login engine so that a back-channel logout received by one node ends a session held on another.
     */
    public SessionRegistry sessions() {
        return sessions;
    }

    /** The schema version after start-up migrations; 0 when opened {@link #withoutMigrations}. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * Rewrites every stored client secret, app key and token under the ring's current key, so older keys
     * can then be dropped from the configuration. Safe while the application runs; run it on one node after
     * every node has the new key ring.
     *
     * <pre>{@code
     * JdbcStores stores = JdbcStores.create(dataSource,
     *         SecretKeyRing.of("k2", newKey).withOlderKey("k1", oldKey));
     * int rewritten = stores.reencryptSecrets(); // afterwards SecretKeyRing.of("k2", newKey) is enough
     * }</pre>
     *
     * @return how many values were rewritten
     */
    public int reencryptSecrets() {
        return secrets.reencrypt();
    }
}
