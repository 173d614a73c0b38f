package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.mail.MailKeys;
import io.gatehouse.sso.mail.SmtpMailer;
import io.gatehouse.sso.servlet.EndedSessionFilter;
import io.gatehouse.sso.servlet.HttpSessionBinder;
import io.gatehouse.sso.servlet.MinimalPageRenderer;
import io.gatehouse.sso.admin.AdminServlet;
import io.gatehouse.sso.servlet.SsoServlet;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The runnable demo: Gatehouse SSO in a small web application on embedded Jetty 12, with an H2 database, a
 * local OpenID Connect IdP ({@link DemoIdp}) and an in-JVM mail server ({@link DemoMailbox}), so that
 * sign-in, registration, group sync and the admin pages can be tried with no account anywhere. The same
 * application works against a real Keycloak, Google, GitHub or Microsoft by configuration alone
 * ({@code SSO_SOCIAL_BACKENDS}, {@code SSO_SOCIAL_PROVIDERS}, or {@code DEMO_CONFIG_FILE}); see "The demo app" in README.md.
 *
 * <pre>{@code
 * // mvn -B -q -pl examples/demo-app -am compile exec:java   (then open http://localhost:8000)
 * try (DemoApp app = DemoApp.start(DemoOptions.from(Map.of("DEMO_PORT", "0", "DEMO_IDP_PORT", "0",
 *         "DEMO_SMTP_PORT", "0", "DEMO_ADMIN_PASSWORD", "secret")))) {
 *     URI home = app.baseUri();
 * }
 * }</pre>
 */
public final class DemoApp implements AutoCloseable {
    /** Where Gatehouse's admin pages are mounted. */
    public static final String ADMIN = "/admin";
    private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

    private final Server jetty;
    private final ServerConnector connector;
    private final Optional<DemoIdp> idp;
    private final Optional<DemoMailbox> mailbox;
    private final DemoDatabase database;
    private final DemoContext context;
    private final String adminPassword;
    private final boolean generatedPassword;
    private final String publicHost;

    private DemoApp(Server jetty, ServerConnector connector, Optional<DemoIdp> idp, Optional<DemoMailbox> mailbox,
                    DemoDatabase database, DemoContext context, String adminPassword, boolean generatedPassword, String publicHost) {
        this.jetty = jetty;
        this.connector = connector;
        this.idp = idp;
        this.mailbox = mailbox;
        this.database = database;
        this.context = context;
        this.adminPassword = adminPassword;
        this.generatedPassword = generatedPassword;
        this.publicHost = publicHost;
    }

    /** Starts the demo from the environment and prints where to find it; runs until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        DemoApp app;
        try {
            app = start(DemoOptions.from(System.getenv()));
        } catch (RuntimeException e) {
            LOG.error("The Gatehouse demo cannot start: {}", e.getMessage());
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gatehouse-demo-shutdown"));
        // an example app may talk to the person who started it
        System.out.println(app.banner());
        app.jetty.join();
    }

    /**
     * Starts everything the options ask for; on any failure, what was started is stopped again.
     *
     * @throws IllegalArgumentException  when a DEMO_* value is unusable (the message names it)
     * @throws io.gatehouse.sso.core.config.ConfigException when a Gatehouse setting is unusable
     */
    public static DemoApp start(DemoOptions options) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(options, started);
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static DemoApp start(DemoOptions options, List<AutoCloseable> started) {
        SettingsSeed seed = SettingsSeed.from(options);
        // what the operator configured, before the demo adds its local services
        ConfigValues given = ConfigValues.of(DemoOptions.SSO_PREFIX, options.environment(),
                options.configFile().orElse(null), Map.of());
        boolean backendsConfigured = given.get(ConfigKey.SOCIAL_BACKENDS).isPresent();
        boolean runIdp = options.idp() == DemoOptions.IdpMode.ON
                || (options.idp() == DemoOptions.IdpMode.AUTO && !backendsConfigured);
        boolean runMailbox = given.string(MailKeys.EMAIL_HOST).isEmpty();

        Optional<DemoMailbox> mailbox = Optional.empty();
        if (runMailbox) {
            DemoMailbox m = DemoMailbox.start(options.bindAddress(), options.smtpPort());
            started.add(m);
            mailbox = Optional.of(m);
        }
        Optional<DemoIdp> idp = Optional.empty();
        if (runIdp) {
            DemoIdp i = DemoIdp.start(options.bindAddress(), options.idpPort());
            started.add(i);
            idp = Optional.of(i);
        }

        // the demo's defaults sit below the operator's environment and file: those always win
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ConfigKey.TRANSACTION_KEY.fileKey(), randomKey());
        if (runIdp) {
            defaults.put(ConfigKey.SOCIAL_BACKENDS.fileKey(), List.of("openid_connect"));
        }
        mailbox.ifPresent(m -> {
            defaults.put(MailKeys.EMAIL_HOST.fileKey(), m.host());
            defaults.put(MailKeys.EMAIL_PORT.fileKey(), String.valueOf(m.port()));
            defaults.put(MailKeys.EMAIL_SENDER.fileKey(), "Gatehouse demo <noreply@example.com>");
        });
        ConfigValues values = ConfigValues.of(DemoOptions.SSO_PREFIX, options.environment(),
                options.configFile().orElse(null), defaults);
        GatehouseConfig config = withLocalIdp(GatehouseConfig.read(values), runIdp);

        DemoDatabase database = DemoDatabase.open(options);
        started.add(database);
        JdbcStores stores = database.stores();
        Map<String, String> seeded = seed.applyTo(stores.settings());
        LOG.info("Login settings written at start-up: {}", seeded);
        idp.ifPresent(i -> i.registerSocialApp(stores.socialApps()));

        SmtpMailer mailer = SmtpMailer.from(values);
        LoginEngine engine = LoginEngine.builder(config)
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog()).singleUseValues(stores.singleUseValues())
                .sessionRegistry(stores.sessions())
                .mailer(mailer)
                .listener(new GroupSync(stores.groups(), stores.settings(), stores.errorLog(), Clock.systemUTC()))
                .build();

        boolean generated = options.adminPassword().isEmpty();
        String password = generated ? randomPassword() : options.adminPassword();
        String mailTarget = mailer.settings().host() + ":" + mailer.settings().port();
        DemoContext context = new DemoContext(engine, stores, new HttpSessionBinder(), new SessionCsrfTokens(),
                new AdminAccess(password), mailbox, mailTarget, mailer);

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(options.bindAddress());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        jetty.setHandler(handler(context));
        started.add(() -> jetty.stop());
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("The demo cannot listen on " + options.bindAddress() + ":" + options.port()
                    + " (set DEMO_PORT to a free port): " + e.getMessage(), e);
        }
        DemoApp app = new DemoApp(jetty, connector, idp, mailbox, database, context, password, generated,
                PublicHost.of(options.bindAddress()));
        if (generated) {
            LOG.info("Admin pages: user '{}', generated password {} (set DEMO_ADMIN_PASSWORD to choose one)",
                    AdminAccess.USERNAME, password);
        }
        LOG.info("Gatehouse demo running at {} (backends {}, {}, mail via {})", app.baseUri(), config.backends(),
                idp.map(i -> "Demo IdP at " + i.issuer()).orElse("no local IdP"), mailTarget);
        return app;
    }

    /** With the local IdP forced on next to configured backends, its backend must be enabled too. */
    private static GatehouseConfig withLocalIdp(GatehouseConfig config, boolean runIdp) {
        if (!runIdp || config.backends().contains("openid_connect")) {
            return config;
        }
        List<String> backends = new ArrayList<>(config.backends());
        backends.add("openid_connect");
        return new GatehouseConfig(backends, config.socialProviders(), config.siteUrl(), config.defaultProtocol(),
                config.forwardedHeaders(), config.transactionKey(), config.transactionTtl(), config.httpTimeout(),
                config.values());
    }

    private static ServletContextHandler handler(DemoContext demo) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.getSessionHandler().setHttpOnly(true);
        context.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        context.getSessionHandler().setMaxInactiveInterval(8 * 60 * 60);

        context.addFilter(new FilterHolder(new CsrfFilter(demo.csrf())), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new AdminGate(demo.admin())), "/admin/*", EnumSet.of(DispatcherType.REQUEST));
        // a sign-in the IdP ended (back-channel logout) or that is past its maximum age is signed out on the next request
        context.addFilter(new FilterHolder(new EndedSessionFilter(demo.engine(), demo.binder())), "/*",
                EnumSet.of(DispatcherType.REQUEST));

        SsoServlet sso = SsoServlet.builder(demo.engine())
                .sessionBinder(demo.binder())
                .csrfCheck(demo.csrf())
                .pageRenderer(new MinimalPageRenderer(Layout.STYLESHEET))
                .build();
        context.addServlet(new ServletHolder("gatehouse-sso", sso), "/accounts/*");
        context.addServlet(new ServletHolder(new HomeServlet(demo)), "/");
        context.addServlet(new ServletHolder(new LoginPageServlet(demo)), "/login");
        // Gatehouse's admin pages under /admin/*; the exact paths of the demo's own sign-in and inbox win over it
        context.addServlet(new ServletHolder(AdminServlet.builder(demo.engine().config())
                .apps(demo.stores().socialApps()).accounts(demo.stores().socialAccounts()).users(demo.stores().users())
                .settings(demo.stores().settings()).errorLog(demo.stores().errorLog()).mailer(demo.mailer())
                .authorization(demo.admin()::isSignedIn).build()), ADMIN + "/*");
        context.addServlet(new ServletHolder(new TokenRefreshServlet(demo)), TokenRefreshServlet.PATH);
        context.addServlet(new ServletHolder(new AdminLoginServlet(demo)), AdminLoginServlet.PATH);
        context.addServlet(new ServletHolder(new MailboxServlet(demo)), MailboxServlet.PATH);
        context.addServlet(new ServletHolder(new StylesheetServlet()), Layout.STYLESHEET);
        return context;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The app's address, e.g. {@code http://localhost:8000}. */
    public URI baseUri() {
        return URI.create("http://" + publicHost + ":" + connector.getLocalPort());
    }

    /** The local IdP, when it runs. */
    public Optional<DemoIdp> idp() {
        return idp;
    }

    /** The in-JVM mail server, when it runs. */
    public Optional<DemoMailbox> mailbox() {
        return mailbox;
    }

    /** The stores (tests look behind the pages with them). */
    public JdbcStores stores() {
        return context.stores();
    }

    /** The administrator's password. */
    public String adminPassword() {
        return adminPassword;
    }

    /** What the person who started the demo needs to know: URLs and the admin's credentials. */
    public String banner() {
        StringBuilder b = new StringBuilder("\n  Gatehouse SSO demo\n\n");
        b.append("  App          ").append(baseUri()).append("/\n");
        b.append("  Sign in      ").append(baseUri()).append("/login\n");
        b.append("  Admin        ").append(baseUri()).append("/admin/   user '").append(AdminAccess.USERNAME).append("', password ")
                .append(generatedPassword ? adminPassword + "  (generated; set DEMO_ADMIN_PASSWORD to choose one)"
                        : "from DEMO_ADMIN_PASSWORD").append('\n');
        idp.ifPresent(i -> b.append("  Demo IdP     ").append(i.issuer())
                .append("   (any user name; type an email and groups such as /demo/admins)\n"));
        b.append("  Mail         ").append(mailbox.map(m -> "in-JVM SMTP at " + context.mailTarget() + ", inbox at "
                + baseUri() + MailboxServlet.PATH).orElse("SMTP server " + context.mailTarget())).append('\n');
        b.append("  Database     ").append(database.description()).append('\n');
        b.append("\n  Stop with Ctrl+C.\n");
        return b.toString();
    }

    @Override
    public void close() {
        // sign-ins under way finish (for up to 10 s), new ones get a 503, then Jetty stops
        context.engine().shutdown(Duration.ofSeconds(10));
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.toString());
        }
        idp.ifPresent(DemoIdp::close);
        mailbox.ifPresent(DemoMailbox::close);
        database.close();
    }
}
