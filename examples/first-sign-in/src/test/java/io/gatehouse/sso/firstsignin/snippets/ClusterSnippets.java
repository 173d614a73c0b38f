package io.gatehouse.sso.firstsignin.snippets;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.servlet.SsoServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import java.time.Clock;
import java.time.Duration;


/** The Java of docs/cluster.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class ClusterSnippets {
    void node(ConfigValues values, Mailer mailer, Server server) throws Exception {
        // snippet:node
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:postgresql://db.example.com:5432/app");
        pool.setUsername("gatehouse");
        pool.setPassword(System.getenv("SSO_DB_PASSWORD"));
        pool.setMaximumPoolSize(10);                 // per node; nodes x pool size <= PostgreSQL's max_connections
        pool.setConnectionTimeout(3_000);            // how long a sign-in may wait for a connection: then store_unavailable
        pool.addDataSourceProperty("socketTimeout", "30");   // seconds: a database that stops answering fails the call
        HikariDataSource dataSource = new HikariDataSource(pool);

        JdbcStores stores = JdbcStores.create(dataSource, SecretKeyRing.parse(System.getenv("SSO_DB_KEYS")));
        LoginEngine engine = LoginEngine.builder(GatehouseConfig.read(values))   // the same transaction_key on every node
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog())
                .singleUseValues(stores.singleUseValues())   // cluster-wide "once"
                .mailer(mailer)
                .listener(new GroupSync(stores.groups(), stores.settings(), stores.errorLog(), Clock.systemUTC()))
                .build();

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addServlet(new ServletHolder(SsoServlet.builder(engine).build()), "/accounts/*");
        server.setHandler(context);
        server.start();

        // on SIGTERM: finish the sign-ins under way (up to 20 s), answer new ones with 503, then stop
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.shutdown(Duration.ofSeconds(20));
            try {
                server.stop();
            } catch (Exception e) {                  // Jetty's stop() throws Exception
                System.err.println("Jetty did not stop cleanly: " + e);
            } finally {
                dataSource.close();
            }
        }));
        // end:node
    }
}
