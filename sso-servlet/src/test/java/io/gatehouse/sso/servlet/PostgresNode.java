package io.gatehouse.sso.servlet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.PostgresSchema;
import io.gatehouse.sso.fixtures.RecordingMailer;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testidp.FakeIdp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One application node on PostgreSQL, as a cluster runs it: a bounded HikariCP pool of its own over the shared
 * schema, its own {@link JdbcStores} and {@link LoginEngine} (replay protection in the shared database unless a test
 * asks for per-node memory), and Jetty with the SSO servlet under {@code /app}. Every node serves the public
 * address {@code http://gatehouse.test/app}; tests play the load balancer with {@link TestServer#at}.
 *
 * <pre>{@code
 * JdbcStores admin = PostgresNode.prepare(schema, idp);
 * try (PostgresNode node = PostgresNode.on(schema, key).pool(2, Duration.ofMillis(500)).start()) { ... }
 * }</pre>
 */
final class PostgresNode implements AutoCloseable {
    static final String PUBLIC_HOST = "gatehouse.test";
    static final SecretKeyRing DATABASE_KEYS = SecretKeyRing.of("k1", SecretKeyRing.generateKey());

    final HikariDataSource pool;
    final JdbcStores stores;
    final LoginEngine engine;
    final TestServer server;

    private PostgresNode(Builder b) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(b.schema.url());
        config.setUsername(b.schema.user());
        config.setPassword(b.schema.password());
        config.setSchema(b.schema.name());
        // every statement carries its SQL text, so a TcpProxy can cut the database at a chosen statement
        config.addDataSourceProperty("prepareThreshold", "0");
        config.setMaximumPoolSize(b.poolSize);
        config.setConnectionTimeout(b.poolTimeout.toMillis());
        config.setPoolName("node-" + b.schema.name());
        this.pool = new HikariDataSource(config);
        this.stores = JdbcStores.create(pool, DATABASE_KEYS);
        GatehouseConfig gatehouse = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of(
                "site_url", "http://" + PUBLIC_HOST + "/app", "transaction_key", b.transactionKey,
                "http_timeout_ms", Long.toString(b.httpTimeout.toMillis()))));
        LoginEngine.Builder engineBuilder = LoginEngine.builder(gatehouse).apps(stores.socialApps()).accounts(stores.socialAccounts())
                .users(stores.users()).settings(stores.settings()).errorLog(stores.errorLog()).mailer(new RecordingMailer())
                .clock(b.clock).registry(ProviderRegistry.of(List.of("openid_connect"), List.of(new OpenIdConnectBackend())));
        if (b.sharedReplayStore) {
            engineBuilder.singleUseValues(stores.singleUseValues());
        }
        this.engine = engineBuilder.build();
        this.server = TestServer.with(SsoServlet.builder(engine).build());
    }

    /**
     * Migrates the schema and configures what an admin would: SSO and sign-up on, the FakeIdp's app for the public
     * host. Returns the admin's stores, which tests also use for their assertions.
     */
    static JdbcStores prepare(PostgresSchema schema, FakeIdp idp) {
        JdbcStores admin = JdbcStores.create(schema.dataSource(), DATABASE_KEYS);
        admin.settings().put(SettingKey.LOGIN_ENABLE_SSO.name(), "true");
        admin.settings().put(SettingKey.LOGIN_ENABLE_SSO_REG.name(), "true");
        admin.socialApps().save(SocialApp.builder("openid_connect").name("Corp IdP").clientId(FakeIdp.CLIENT_ID)
                .secret(FakeIdp.CLIENT_SECRET).settings(Map.of("server_url", idp.issuer(), "fetch_userinfo", false))
                .sites(PUBLIC_HOST).build());
        return admin;
    }

    static Builder on(PostgresSchema schema, String transactionKey) {
        return new Builder(schema, transactionKey);
    }

    @Override
    public void close() {
        server.close();
        pool.close();
    }

    /** A node's settings; the defaults suit a test on a busy machine. */
    static final class Builder {
        private final PostgresSchema schema;
        private final String transactionKey;
        private int poolSize = 4;
        private Duration poolTimeout = Duration.ofSeconds(2);
        private Duration httpTimeout = Duration.ofSeconds(5);
        private boolean sharedReplayStore = true;
        private Clock clock = Clock.systemUTC();

        private Builder(PostgresSchema schema, String transactionKey) {
            this.schema = schema;
            this.transactionKey = transactionKey;
        }

        /** The pool's size and how long a store call waits for a free connection. */
        Builder pool(int size, Duration timeout) {
            this.poolSize = size;
            this.poolTimeout = timeout;
            return this;
        }

        /** The deadline of every call to the IdP. */
        Builder httpTimeout(Duration timeout) {
            this.httpTimeout = timeout;
            return this;
        }

        /** Used callbacks remembered in this node's memory only (the engine's default without a shared store). */
        Builder perNodeReplayMemory() {
            this.sharedReplayStore = false;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        PostgresNode start() {
            return new PostgresNode(this);
        }
    }
}
