package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.servlet.Page;
import io.gatehouse.sso.servlet.PageRenderer;
import io.gatehouse.sso.servlet.SessionBinder;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

// snippet:build
import io.gatehouse.sso.core.LoginEngine;                   // io.gatehouse:sso-core
import io.gatehouse.sso.servlet.CsrfCheck;                  // io.gatehouse:sso-servlet
import io.gatehouse.sso.servlet.HttpSessionBinder;
import io.gatehouse.sso.servlet.MinimalPageRenderer;
import io.gatehouse.sso.servlet.SsoServlet;
// end:build
// snippet:jetty
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
// end:jetty
// snippet:listener
import io.gatehouse.sso.servlet.SsoServlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
// end:listener

/** The Java of docs/servlet.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class ServletSnippets {
    /** The host's engine: here on in-memory stores. */
    LoginEngine buildEngine() {
        InMemoryIdentityStore store = new InMemoryIdentityStore();
        return LoginEngine.builder(GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of())))
                .apps(new InMemorySocialApps()).accounts(store).users(store)
                .settings(new InMemorySettings(Map.of())).errorLog(new InMemoryErrorLog()).build();
    }

    /** A host's own session binding (here the default one's behaviour). */
    static final class MySessionBinder implements SessionBinder {
        private final HttpSessionBinder binder = new HttpSessionBinder();

        @Override
        public void signIn(HttpServletRequest request, HttpServletResponse response, User user) {
            binder.signIn(request, response, user);
        }

        @Override
        public Optional<String> currentUserId(HttpServletRequest request) {
            return binder.currentUserId(request);
        }
    }

    /** A host's own CSRF check (here the default one's behaviour). */
    static final class MyCsrfCheck implements CsrfCheck {
        @Override
        public boolean allows(HttpServletRequest request, URI baseUrl) {
            return CsrfCheck.sameOrigin().allows(request, baseUrl);
        }
    }

    /** A host's own pages (here the minimal ones). */
    static final class MyPages implements PageRenderer {
        @Override
        public String render(Page page, HttpServletRequest request) {
            return new MinimalPageRenderer().render(page, request);
        }
    }

    void build(GatehouseConfig config, SocialAppRepository apps, SocialAccountRepository accounts, UserDirectory users,
               SettingsSource settings, ErrorLog errorLog, Mailer mailer, ServletContext servletContext) {
        // snippet:build
        LoginEngine engine = LoginEngine.builder(config)
                .apps(apps).accounts(accounts).users(users).settings(settings).errorLog(errorLog)
                .mailer(mailer)
                .build();

        SsoServlet sso = SsoServlet.builder(engine)
                .sessionBinder(new HttpSessionBinder())                   // default
                .csrfCheck(CsrfCheck.sameOrigin())                        // default
                .pageRenderer(new MinimalPageRenderer("/app/static/sso.css")) // default: no stylesheet
                .build();

        servletContext.addServlet("gatehouse-sso", sso).addMapping("/accounts/*");
        // end:build
    }

    void jetty(SsoServlet sso) {
        // snippet:jetty
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/app");
        context.addServlet(new ServletHolder(sso), "/accounts/*");
        // end:jetty
    }

    // snippet:listener
    public class GatehouseSetup implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext ctx = event.getServletContext();
            ctx.setAttribute(SsoServlet.ENGINE_ATTRIBUTE, buildEngine());                 // required
            ctx.setAttribute(SsoServlet.SESSION_BINDER_ATTRIBUTE, new MySessionBinder()); // optional
            ctx.setAttribute(SsoServlet.CSRF_CHECK_ATTRIBUTE, new MyCsrfCheck());         // optional
            ctx.setAttribute(SsoServlet.PAGE_RENDERER_ATTRIBUTE, new MyPages());          // optional
        }
    }
    // end:listener
}
