package io.gatehouse.sso.benchmarks.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.sso.benchmarks.Options;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.fixtures.RecordingMailer;
import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.servlet.SsoServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One application node of the load harness, in its own JVM: the SSO servlet under {@code /app} on Jetty, the JDBC
 * stores on PostgreSQL through a bounded HikariCP pool, group sync, and the JDBC {@code SingleUseValues}, wired as
 * docs/cluster.md says. It writes its port to the ready file once it serves, and on SIGTERM drains its sign-ins
 * (5 s) before it stops.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.cluster.ClusterNode --name a --jdbc-url jdbc:postgresql://... \
 *      --db-user u --db-password p --schema s --db-key <base64> --transaction-key <base64> \
 *      --site-url http://gatehouse.load/app --pool 8 --ready-file target/a.port
 * }</pre>
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        PoolWaits waits = new PoolWaits();
        HikariDataSource pool = pool(o, waits);
        JdbcStores stores = JdbcStores.create(pool, SecretKeyRing.of("k1", o.get("db-key")));
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of(
                "site_url", o.get("site-url"), "transaction_key", o.get("transaction-key"))));
        LoginEngine engine = LoginEngine.builder(config)
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog()).singleUseValues(stores.singleUseValues())
                .mailer(new RecordingMailer())
                .listener(new GroupSync(stores.groups(), stores.settings(), stores.errorLog(), Clock.systemUTC()))
                .registry(ProviderRegistry.of(List.of("openid_connect"), List.of(new OpenIdConnectBackend())))
                .build();

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/app");
        context.addServlet(new ServletHolder(SsoServlet.builder(engine).build()), "/accounts/*");
        context.addServlet(new ServletHolder(new NodeStats(waits)), NodeStats.PATH);
        jetty.setHandler(context);
        jetty.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.shutdown(Duration.ofSeconds(5));
            try {
                jetty.stop();
            } catch (Exception e) {
                System.err.println("node " + o.get("name") + ": Jetty did not stop cleanly: " + e);
            }
            pool.close();
        }, "node-shutdown"));

        Path ready = Path.of(o.get("ready-file"));
        Path partial = ready.resolveSibling(ready.getFileName() + ".partial");
        Files.writeString(partial, Integer.toString(connector.getLocalPort()));
        Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
        jetty.join();
    }

    private static HikariDataSource pool(Map<String, String> o, PoolWaits waits) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("node-" + o.get("name"));
        config.setJdbcUrl(o.get("jdbc-url"));
        config.setUsername(o.get("db-user"));
        config.setPassword(o.get("db-password"));
        config.setSchema(o.get("schema"));
        int size = Integer.parseInt(o.getOrDefault("pool", "8"));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(Long.parseLong(o.getOrDefault("pool-timeout-ms", "5000")));
        config.setMetricsTrackerFactory(waits);
        return new HikariDataSource(config);
    }
}
