package io.gatehouse.sso.benchmarks.cluster;

import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.PostgresSchema;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialApp;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The harness's own schema on the PostgreSQL the tests use ({@code GATEHOUSE_PG_URL}, {@code GATEHOUSE_PG_USER},
 * {@code GATEHOUSE_PG_PASSWORD}): created empty, prepared as an admin would (SSO, sign-up and group sync on, two apps
 * of the loopback IdP), counted afterwards for duplicates and half-written sign-ins, and dropped.
 *
 * @param schema the schema this run works in, with the server's URL and login
 * @param dbKey  the key (base64) the nodes share for secrets at rest
 */
record LoadDatabase(PostgresSchema schema, String dbKey) {
    static final String PUBLIC_HOST = "gatehouse.load";

    /** A new, empty schema on the configured server. */
    static LoadDatabase create() {
        String url = setting("GATEHOUSE_PG_URL");
        if (url == null) {
            throw new IllegalStateException("The load harness needs PostgreSQL: set GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and "
                    + "GATEHOUSE_PG_PASSWORD, e.g. with: eval \"$(bash .ci/postgres.sh)\"");
        }
        LoadDatabase db = new LoadDatabase(new PostgresSchema(url, setting("GATEHOUSE_PG_USER"), setting("GATEHOUSE_PG_PASSWORD"),
                "gatehouse_load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)), SecretKeyRing.generateKey());
        db.execute("CREATE SCHEMA " + db.schema.name());
        return db;
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    /** The key ring of every node: the one key, id {@code k1}. */
    SecretKeyRing keys() {
        return SecretKeyRing.of("k1", dbKey);
    }

    DataSource dataSource() {
        return schema.dataSource();
    }

    /** Migrates the schema and configures SSO for the IdP at {@code issuer}: the login app and the one users connect. */
    void prepare(String issuer) {
        JdbcStores stores = JdbcStores.create(dataSource(), keys());
        SettingsStore settings = stores.settings();
        settings.put(SettingKey.LOGIN_ENABLE_SSO.name(), "true");
        settings.put(SettingKey.LOGIN_ENABLE_SSO_REG.name(), "true");
        settings.put(SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC.name(), "true");
        settings.put(SettingKey.SSO_GROUP_MAP.name(), "{\"idp-staff\": \"staff\", \"idp-eng\": \"engineering\", \"idp-ops\": \"operations\"}");
        for (String app : new String[] {VirtualUser.LOGIN_APP, VirtualUser.CONNECT_APP}) {
            stores.socialApps().save(SocialApp.builder("openid_connect").providerId(app).name(app).clientId("client-" + app)
                    .secret("secret-" + app).settings(Map.of("server_url", issuer, "fetch_userinfo", false)).sites(PUBLIC_HOST).build());
        }
    }

    /** What the run left in the database; every "duplicate" and "half-written" count should be 0. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("users", count("SELECT count(*) FROM sso_user"));
        counts.put("links", count("SELECT count(*) FROM sso_social_account"));
        counts.put("groupMemberships", count("SELECT count(*) FROM sso_user_group"));
        // each identity has its own email: two users with one email are one identity registered twice
        counts.put("duplicateUsers", count("SELECT count(*) - count(DISTINCT lower(email)) FROM sso_user"));
        counts.put("duplicateLinks", count("SELECT count(*) FROM (SELECT provider, uid FROM sso_social_account"
                + " GROUP BY provider, uid HAVING count(*) > 1) d"));
        counts.put("usersWithoutLink", count("SELECT count(*) FROM sso_user u"
                + " WHERE NOT EXISTS (SELECT 1 FROM sso_social_account a WHERE a.user_id = u.id)"));
        counts.put("errorLogRecords", count("SELECT count(*) FROM sso_error_log"));
        return counts;
    }

    void drop() {
        execute("DROP SCHEMA IF EXISTS " + schema.name() + " CASCADE");
    }

    private long count(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting failed: " + sql, e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(schema.url(), schema.user(), schema.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
