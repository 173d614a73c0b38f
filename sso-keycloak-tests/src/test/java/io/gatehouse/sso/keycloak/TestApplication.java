package io.gatehouse.sso.keycloak;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.RecordingMailer;
import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.provider.keycloak.KeycloakBackend;
import io.gatehouse.sso.servlet.EndedSessionFilter;
import io.gatehouse.sso.servlet.HttpSessionBinder;
import io.gatehouse.sso.servlet.SsoServlet;
import io.gatehouse.sso.spi.SocialApp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The application under test, as a host would build it: the JDBC stores on H2 (sessions included), the engine with the
 * Keycloak provider and group sync, the servlet under {@code /app/accounts/*}, the {@link EndedSessionFilter} in front of
 * everything, and {@code /app/me}, which prints the signed-in user's id ({@code anonymous} otherwise). Jetty listens on
 * 127.0.0.1 only.
 */
final class TestApplication implements AutoCloseable {
    static final String CLIENT_ID = "gatehouse";
    static final String CLIENT_SECRET = "gatehouse-client-secret-value";
    static final String ROUTE = "keycloak";

    final JdbcStores stores;
    final LoginEngine engine;
    private final Server jetty = new Server();
    private final ServerConnector connector = new ServerConnector(jetty);

    TestApplication(URI keycloak) throws Exception {
        stores = JdbcStores.create(EmbeddedH2.inMemory("keycloak-tests-" + UUID.randomUUID()), SecretKeyRing.of("k1", SecretKeyRing.generateKey()));
        Map.of(SettingKey.LOGIN_ENABLE_SSO, "true", SettingKey.LOGIN_ENABLE_SSO_REG, "true", SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC, "true",
                SettingKey.SSO_GROUP_KEY, "groups", SettingKey.SSO_GROUP_MAP, "{\"/inventree/admins\": \"admins\", \"/inventree/viewers\": \"viewers\"}")
                .forEach((key, value) -> stores.settings().put(key.name(), value));
        stores.socialApps().save(SocialApp.builder("keycloak").name("Keycloak").clientId(CLIENT_ID).secret(CLIENT_SECRET)
                .settings(Map.of("KEYCLOAK_URL", keycloak.toString(), "KEYCLOAK_REALM", KeycloakServer.REALM)).sites("*").build());
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of("transaction_key", randomKey())));
        engine = LoginEngine.builder(config).apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog()).singleUseValues(stores.singleUseValues())
                .sessionRegistry(stores.sessions()).mailer(new RecordingMailer())
                .listener(new GroupSync(stores.groups(), stores.settings(), stores.errorLog(), Clock.systemUTC()))
                .registry(ProviderRegistry.of(List.of(ROUTE), List.of(new KeycloakBackend())))
                .build();
        HttpSessionBinder binder = new HttpSessionBinder();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/app");
        context.addServlet(new ServletHolder(SsoServlet.builder(engine).sessionBinder(binder).build()), "/accounts/*");
        context.addServlet(new ServletHolder(new WhoAmI(binder)), "/me");
        context.addFilter(new FilterHolder(new EndedSessionFilter(engine, binder)), "/*", EnumSet.of(DispatcherType.REQUEST));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(context);
        jetty.start();
    }

    /** {@code http://127.0.0.1:<port>/app} */
    URI base() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app");
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    String origin() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** The host's view of who is signed in. */
    private static final class WhoAmI extends HttpServlet {
        private final HttpSessionBinder binder;

        WhoAmI(HttpSessionBinder binder) {
            this.binder = binder;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print(binder.currentUserId(request).orElse("anonymous"));
        }
    }
}
