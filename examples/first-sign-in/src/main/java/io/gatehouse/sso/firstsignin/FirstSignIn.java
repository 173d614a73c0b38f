package io.gatehouse.sso.firstsignin;

// The README's "Your first sign-in", line for line: build-checks' JavaSnippetsTest fails when the two differ, and
// FirstSignInTest starts this app and signs into it. Keep it at most 30 lines besides imports and blank lines.
// snippet:app
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.mail.SmtpMailer;
import io.gatehouse.sso.servlet.HttpSessionBinder;
import io.gatehouse.sso.servlet.SsoServlet;
import io.gatehouse.sso.spi.SocialApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

public class FirstSignIn extends HttpServlet {
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        // start-up configuration: SSO_* variables over these defaults, no config file (null)
        GatehouseConfig config = GatehouseConfig.read(
                ConfigValues.of("SSO_", env, null, Map.of("social_backends", "openid_connect")));
        JdbcStores stores = JdbcStores.create(EmbeddedH2.file(Path.of("data/gatehouse")),   // users, apps, settings
                SecretKeyRing.parse(env.get("SSO_DB_KEYS")));   // encrypts client secrets and tokens in the database
        if (stores.socialApps().findByProvider("openid_connect").isEmpty()) {   // the first social application, once
            stores.socialApps().save(new SocialApp(null, "openid_connect", "corp", "Company IdP", env.get("OIDC_CLIENT_ID"),
                    env.get("OIDC_CLIENT_SECRET"), "", Map.of("server_url", env.get("OIDC_SERVER_URL")), Set.of("localhost")));
        }
        stores.settings().put("LOGIN_ENABLE_SSO", "true");       // live login settings: sign-in and sign-up on
        stores.settings().put("LOGIN_ENABLE_SSO_REG", "true");
        LoginEngine engine = LoginEngine.builder(config).apps(stores.socialApps()).accounts(stores.socialAccounts())
                .users(stores.users()).settings(stores.settings()).errorLog(stores.errorLog())
                .mailer(SmtpMailer.from(config.values())).build();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addServlet(new ServletHolder(SsoServlet.builder(engine).build()), "/accounts/*");
        context.addServlet(new ServletHolder(new FirstSignIn()), "/");
        Server server = new Server(Integer.parseInt(env.getOrDefault("PORT", "8000")));
        server.setHandler(context);
        server.start();
    }

    @Override   // the home page: who is signed in
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().println(new HttpSessionBinder().currentUserId(request)
                .map(id -> "Signed in as user " + id).orElse("Sign in at /accounts/corp/login/"));
    }
}
// end:app
