package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.diagnostics.AppDiagnostics;
import io.gatehouse.sso.core.i18n.Messages;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Gatehouse's admin pages, mounted wherever the host maps the servlet (e.g. {@code /admin/sso/*}): social
 * applications with "Check this application", login settings, linked accounts and their tokens, the error log
 * and a test mail. Every request passes the host's {@link AdminAuthorization} (by default nobody does) and every
 * POST the session's CSRF token. Pages are server-rendered HTML without script, in the reader's language
 * ({@code Accept-Language}; English and German shipped).
 *
 * <pre>{@code
 * AdminServlet admin = AdminServlet.builder(config)
 *         .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
 *         .settings(stores.settings()).errorLog(stores.errorLog()).mailer(mailer)
 *         .authorization(request -> request.isUserInRole("admin"))
 *         .build();
 * servletContext.addServlet("gatehouse-admin", admin).addMapping("/admin/sso/*");
 * }</pre>
 */
public final class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);

    private final transient AdminContext admin;
    private final transient AdminAuthorization authorization;
    private final transient AdminCsrf csrf = new AdminCsrf();

    private AdminServlet(AdminContext admin, AdminAuthorization authorization) {
        this.admin = admin;
        this.authorization = authorization;
    }

    /** What the pages work with. */
    AdminContext context() {
        return admin;
    }

    /**
     * A builder of the admin pages for this configuration; the stores must be given, the rest has defaults.
     *
     * @param config the start-up configuration
     * @return a new builder
     */
    public static Builder builder(GatehouseConfig config) {
        return new Builder(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AdminExchange ex = new AdminExchange(request, response, admin, csrf);
        String method = request.getMethod();
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        if (path.equals("/admin.css") && method.equals("GET")) {
            ex.send(200, "text/css;charset=UTF-8", AdminStylesheet.CSS);
            return;
        }
        if (!authorization.allows(request)) {
            LOG.warn("Admin request refused: not authorized ({} {})", method, path);
            refuse(ex, 403, "admin.refused.not_allowed");
            return;
        }
        boolean post = method.equals("POST");
        if (post && !csrf.allows(request)) {
            LOG.warn("Admin POST refused: missing or wrong CSRF token ({})", path);
            refuse(ex, 403, "admin.refused.csrf");
            return;
        }
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD, POST");
            refuse(ex, 405, "admin.refused.method");
            return;
        }
        try {
            if (!route(ex, path, post)) {
                refuse(ex, 404, "admin.refused.not_found");
            }
        } catch (RuntimeException e) {
            // the class only: a store's message may quote what it was given
            LOG.error("Admin request {} {} failed: {}", method, path, e.getClass().getName());
            if (!response.isCommitted()) {
                response.reset();
                refuse(ex, 500, "admin.refused.failed");
            }
        }
    }

    /** Answers the request; false when no page has this path (or method). */
    private boolean route(AdminExchange ex, String path, boolean post) throws IOException {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        switch (p) {
            case "/" -> home(ex);
            case "/apps" -> AppsPages.list(ex);
            case "/apps/new" -> {
                if (post) {
                    AppsPages.save(ex, Optional.empty());
                } else {
                    AppsPages.show(ex, Optional.empty());
                }
            }
            case "/settings" -> {
                if (post) {
                    SettingsPage.save(ex);
                } else {
                    SettingsPage.show(ex);
                }
            }
            case "/accounts" -> AccountsPages.search(ex);
            case "/accounts/view", "/accounts/unlink", "/accounts/token/delete" -> {
                return account(ex, p, post);
            }
            case "/errors" -> ErrorLogPage.show(ex);
            case "/mail" -> {
                if (post) {
                    MailPage.send(ex);
                } else {
                    MailPage.show(ex);
                }
            }
            default -> {
                return p.startsWith("/apps/") && app(ex, p.substring("/apps/".length()), post);
            }
        }
        return true;
    }

    private boolean app(AdminExchange ex, String rest, boolean post) throws IOException {
        String[] parts = rest.split("/", 2);
        Optional<SocialApp> app = parts[0].isEmpty() ? Optional.empty() : admin.apps().findById(parts[0]);
        if (app.isEmpty()) {
            return false;
        }
        String action = parts.length == 2 ? parts[1] : "";
        switch (action) {
            case "" -> {
                if (post) {
                    AppsPages.save(ex, app);
                } else {
                    AppsPages.show(ex, app);
                }
            }
            case "delete" -> {
                if (!post) {
                    return false;
                }
                AppsPages.delete(ex, app.get());
            }
            case "check" -> DiagnosticsPages.page(ex, app.get());
            case "check.json" -> DiagnosticsPages.json(ex, app.get());
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean account(AdminExchange ex, String page, boolean post) throws IOException {
        Optional<SocialAccount> account = AccountsPages.named(ex);
        if (account.isEmpty() || post == page.equals("/accounts/view")) {
            return false;
        }
        switch (page) {
            case "/accounts/view" -> AccountsPages.view(ex, account.get());
            case "/accounts/unlink" -> AccountsPages.unlink(ex, account.get());
            default -> AccountsPages.deleteToken(ex, account.get());
        }
        return true;
    }

    private static void home(AdminExchange ex) throws IOException {
        StringBuilder html = new StringBuilder("<h1>").append(ex.t("admin.title")).append("</h1><ul class=\"sections\">");
        for (String section : new String[] {"apps", "settings", "accounts", "errors", "mail"}) {
            html.append("<li><a href=\"").append(Html.escape(ex.path("/" + section))).append("\">").append(ex.t("admin.nav." + section))
                    .append("</a>: ").append(ex.t("admin.home." + section)).append("</li>");
        }
        html.append("</ul><p class=\"hint\">").append(ex.t("admin.home.backends",
                String.join(", ", ex.admin.config().backends()))).append("</p>");
        ex.page(200, ex.t("admin.title"), html.toString());
    }

    private static void refuse(AdminExchange ex, int status, String key) throws IOException {
        ex.page(status, ex.t("admin.refused.title"), "<h1>" + ex.t("admin.refused.title") + "</h1><p class=\"warning\" id=\"refused\">"
                + ex.t(key) + "</p>");
    }

    /** The collaborators of an {@link AdminServlet}: the stores are required, the rest have defaults. */
    public static final class Builder {
        private final GatehouseConfig config;
        private SocialAppRepository apps;
        private SocialAccountRepository accounts;
        private UserDirectory users;
        private SettingsStore settings;
        private ErrorLog errorLog;
        private Mailer mailer = Mailer.NOT_CONFIGURED;
        private ProviderRegistry registry;
        private AdminAuthorization authorization = AdminAuthorization.DENY_ALL;
        private OtherSignIn otherSignIn = OtherSignIn.NONE;
        private Messages messages = Messages.of("io.gatehouse.sso.admin.messages");
        private String ssoPrefix = "";
        private Clock clock = Clock.systemUTC();

        private Builder(GatehouseConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The social applications the admin edits. Required.
         *
         * @param apps the store
         * @return this builder
         */
        public Builder apps(SocialAppRepository apps) {
            this.apps = apps;
            return this;
        }

        /**
         * The identity links the admin searches and removes. Required.
         *
         * @param accounts the store
         * @return this builder
         */
        public Builder accounts(SocialAccountRepository accounts) {
            this.accounts = accounts;
            return this;
        }

        /**
         * The users the links belong to. Required.
         *
         * @param users the store
         * @return this builder
         */
        public Builder users(UserDirectory users) {
            this.users = users;
            return this;
        }

        /**
         * The login settings the admin edits. Required.
         *
         * @param settings the store
         * @return this builder
         */
        public Builder settings(SettingsStore settings) {
            this.settings = settings;
            return this;
        }

        /**
         * The error log the admin reads. Required.
         *
         * @param errorLog the store
         * @return this builder
         */
        public Builder errorLog(ErrorLog errorLog) {
            this.errorLog = errorLog;
            return this;
        }

        /**
         * The mailer of the test mail; without one the mail page says mail is not configured.
         *
         * @param mailer the mailer
         * @return this builder
         */
        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /**
         * The enabled backends; default: loaded from the class path by {@code social_backends}.
         *
         * @param registry the backends
         * @return this builder
         */
        public Builder registry(ProviderRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Who may use the pages; default {@link AdminAuthorization#DENY_ALL}.
         *
         * @param authorization the check
         * @return this builder
         */
        public Builder authorization(AdminAuthorization authorization) {
            this.authorization = Objects.requireNonNull(authorization, "authorization");
            return this;
        }

        /**
         * Whether users have a way in besides their identities; default {@link OtherSignIn#NONE}.
         *
         * @param otherSignIn the check
         * @return this builder
         */
        public Builder otherSignIn(OtherSignIn otherSignIn) {
            this.otherSignIn = Objects.requireNonNull(otherSignIn, "otherSignIn");
            return this;
        }

        /**
         * The texts; default the host's {@code gatehouse-messages} bundle over Gatehouse's.
         *
         * @param messages the bundles
         * @return this builder
         */
        public Builder messages(Messages messages) {
            this.messages = Objects.requireNonNull(messages, "messages");
            return this;
        }

        /**
         * Where the SSO servlet is mapped before {@code /accounts} (e.g. {@code /sso}); default none.
         *
         * @param ssoPrefix the path, e.g. {@code /sso}
         * @return this builder
         */
        public Builder ssoPrefix(String ssoPrefix) {
            this.ssoPrefix = Objects.requireNonNull(ssoPrefix, "ssoPrefix");
            return this;
        }

        /**
         * The time shown and used for error-log records and diagnostics; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The servlet, to register under a path only admins reach (it also checks {@link AdminAuthorization}).
         *
         * @return a new servlet
         */
        public AdminServlet build() {
            ProviderRegistry enabled = registry != null ? registry : ProviderRegistry.load(config.backends());
            TreeSet<String> providers = new TreeSet<>(config.backends());
            ServiceLoader.load(ProviderBackend.class, AdminServlet.class.getClassLoader()).forEach(b -> providers.add(b.id()));
            AdminContext context = new AdminContext(config, apps, accounts, users, settings, errorLog, mailer,
                    new AppDiagnostics(config, enabled, apps, accounts, settings, clock), otherSignIn, messages,
                    providers.stream().toList(), ssoPrefix, clock);
            return new AdminServlet(context, authorization);
        }
    }
}
