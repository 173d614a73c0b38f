package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.provider.keycloak.KeycloakBackend;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.servlet.SsoServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded Jetty with the SSO routes at {@code /accounts/*} and the admin pages at {@code /admin/sso/*} over one
 * {@link EngineFixture}'s in-memory stores; {@code /test-admin-login} marks the session as the administrator's,
 * which is what the test's {@link AdminAuthorization} asks.
 */
final class AdminSite implements AutoCloseable {
    static final String ADMIN = "/admin/sso";
    private static final String ATTRIBUTE = "test.admin";
    private static final Pattern CSRF = Pattern.compile("name=\"" + AdminCsrf.FIELD + "\" value=\"([^\"]+)\"");

    final EngineFixture fixture = new EngineFixture();
    final LoginEngine engine;
    private final AdminServlet adminServlet;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    AdminSite() {
        engine = fixture.engine(new OpenIdConnectBackend(), new KeycloakBackend());
        AdminServlet admin = AdminServlet.builder(engine.config())
                .registry(ProviderRegistry.of(List.of("openid_connect", "keycloak"),
                        List.of(new OpenIdConnectBackend(), new KeycloakBackend())))
                .apps(fixture.apps).accounts(fixture.store).users(fixture.store).settings(fixture.settings)
                .errorLog(fixture.errorLog).mailer(fixture.mailer)
                .authorization(request -> request.getSession(false) != null
                        && Boolean.TRUE.equals(request.getSession(false).getAttribute(ATTRIBUTE)))
                .build();
        adminServlet = admin;
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(SsoServlet.builder(engine).build()), "/accounts/*");
        context.addServlet(new ServletHolder(admin), ADMIN + "/*");
        context.addServlet(new ServletHolder(new AdminLogin()), "/test-admin-login");
        // the same pages with every default: nobody is authorized
        context.addServlet(new ServletHolder(AdminServlet.builder(engine.config()).apps(fixture.apps).accounts(fixture.store)
                .users(fixture.store).settings(fixture.settings).errorLog(fixture.errorLog)
                .registry(ProviderRegistry.of(List.of(), List.of())).build()), "/admin/default/*");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
    }

    /** What the admin pages work with (its diagnostics, for plain-Java checks). */
    AdminContext admin() {
        return adminServlet.context();
    }

    URI base() {
        return URI.create("http://localhost:" + connector.getLocalPort());
    }

    /** A browser whose session is the administrator's. */
    HttpBrowser adminBrowser() {
        HttpBrowser browser = new HttpBrowser(base());
        browser.get("/test-admin-login");
        return browser;
    }

    /** Posts a form of the page at {@code pagePath} (relative to the admin mount) with the page's CSRF token. */
    static HttpResponse<String> submit(HttpBrowser browser, String pagePath, String action, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put(AdminCsrf.FIELD, csrfToken(browser.get(ADMIN + pagePath).body()));
        return browser.post(ADMIN + action, withToken);
    }

    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in the page:\n" + html);
        }
        return m.group(1);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    /** Marks the session as the administrator's. */
    static final class AdminLogin extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            request.getSession(true).setAttribute(ATTRIBUTE, Boolean.TRUE);
            response.setStatus(204);
        }
    }
}
