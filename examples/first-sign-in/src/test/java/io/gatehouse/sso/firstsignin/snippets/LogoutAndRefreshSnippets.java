package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.User;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;

// snippet:wiring
import io.gatehouse.sso.core.LoginEngine;                 // io.gatehouse:sso-core
import io.gatehouse.sso.core.SessionPolicy;
import io.gatehouse.sso.jdbc.JdbcStores;                   // io.gatehouse:sso-persistence-jdbc
import io.gatehouse.sso.servlet.EndedSessionFilter;        // io.gatehouse:sso-servlet
import io.gatehouse.sso.servlet.HttpSessionBinder;
import io.gatehouse.sso.servlet.SsoServlet;
// end:wiring
// snippet:tokens
import io.gatehouse.sso.core.TokenOutcome;
// end:tokens

/** The Java of docs/logout-and-refresh.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class LogoutAndRefreshSnippets {
    private void askTheUserToSignInAgain() {
        // the host's own page
    }

    private void tryAgainLater() {
        // the host's own retry
    }

    void wiring(DataSource dataSource, SecretKeyRing keys, GatehouseConfig config, Mailer mailer, ServletContextHandler context) {
        // snippet:wiring
        JdbcStores stores = JdbcStores.create(dataSource, keys);
        LoginEngine engine = LoginEngine.builder(config)
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog()).singleUseValues(stores.singleUseValues())
                .sessionRegistry(stores.sessions())                               // sign-in sessions, shared by the nodes
                .sessionPolicy(new SessionPolicy(Duration.ofHours(24), Duration.ofSeconds(60))) // the defaults
                .mailer(mailer)
                .build();

        HttpSessionBinder binder = new HttpSessionBinder();
        context.addServlet(new ServletHolder(SsoServlet.builder(engine).sessionBinder(binder).build()), "/accounts/*");
        context.addFilter(new FilterHolder(new EndedSessionFilter(engine, binder)), "/*", EnumSet.of(DispatcherType.REQUEST));
        // end:wiring
    }

    void tokens(LoginEngine engine, User user, HttpRequest.Builder request, URI baseUrl) {
        // snippet:tokens
        TokenOutcome token = engine.tokens().current(user.id(), "keycloak", URI.create("https://app.example.com"));
        if (token instanceof TokenOutcome.Current current) {
            request.header("Authorization", "Bearer " + current.accessToken());     // valid for at least the skew
        } else if (token instanceof TokenOutcome.Failed failed) {
            switch (failed.failure().code()) {
                case REFRESH_REVOKED, REFRESH_TOKEN_MISSING, TOKEN_MISSING -> askTheUserToSignInAgain();
                default -> tryAgainLater();                                          // IDP_UNREACHABLE, REFRESH_FAILED, ...
            }
        }
        // an API refused the token although it had not expired: renew it now
        TokenOutcome renewed = engine.tokens().refresh(user.id(), "keycloak", baseUrl);
        // end:tokens
    }
}
