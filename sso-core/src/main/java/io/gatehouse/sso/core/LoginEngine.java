package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.i18n.Messages;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The framework-neutral login flow: begin a login (redirect to the IdP with state, nonce and PKCE,
 * the transaction sealed into a cookie), complete the callback (checks, code exchange, ID token
 * validation, account resolution by the login settings), and the follow-ups (pending sign-up, email
 * confirmation, disconnect). Every failure is a typed {@link LoginOutcome.Failed} plus an error-log
 * record; nothing half-done is persisted. Thread-safe; one instance serves the application.
 *
 * <pre>{@code
 * LoginEngine engine = LoginEngine.builder(config)
 *         .apps(apps).accounts(accounts).users(users).settings(settings).errorLog(errorLog)
 *         .singleUseValues(singleUseValues).mailer(mailer).listener(groupSync)
 *         .build();
 * LoginOutcome start = engine.beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", baseUrl, null, null));
 * }</pre>
 */
public final class LoginEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LoginEngine.class);

    private final GatehouseConfig config;
    private final EngineParts parts;
    private final AppSelector selector;
    private final IdpClients clients;
    private final CallbackChecks checks;
    private final AccountResolution resolution;
    private final EmailConfirmation confirmation;
    private final SignupCompletion signups;
    private final AuthorizationRedirect redirect;
    private final SessionLifecycle sessions;
    private final AccessTokens tokens;
    private final InFlightLogins inFlight = new InFlightLogins();

    private LoginEngine(Builder b) {
        this.config = b.config;
        Clock clock = b.clock;
        this.parts = new EngineParts(config, Objects.requireNonNull(b.accounts, "accounts"),
                Objects.requireNonNull(b.users, "users"), new LoginSettings(Objects.requireNonNull(b.settings, "settings")),
                b.mailer, b.messages, b.listeners, new FailureLog(Objects.requireNonNull(b.errorLog, "errorLog"), clock,
                        b.retention != null ? b.retention : ErrorLogRetention.from(config.values())),
                EngineParts.seal(config, clock), EngineParts.singleUseOrPerNode(b.singleUseValues, config, clock), clock);
        ProviderRegistry registry = b.registry != null ? b.registry : ProviderRegistry.load(config.backends());
        this.selector = new AppSelector(Objects.requireNonNull(b.apps, "apps"), config, registry);
        this.clients = IdpClients.create(config.httpTimeout(), clock, b.tls);
        this.checks = new CallbackChecks(parts);
        this.resolution = new AccountResolution(parts);
        this.sessions = new SessionLifecycle(parts, selector, clients,
                EngineParts.registryOrPerNode(b.sessionRegistry, clock), b.sessionPolicy);
        this.confirmation = new EmailConfirmation(parts);
        this.signups = new SignupCompletion(parts, selector, resolution, sessions);
        this.redirect = new AuthorizationRedirect(parts);
        this.tokens = new AccessTokens(parts, selector, clients, b.sessionPolicy.refreshSkew());
    }

    /**
     * A builder of an engine for this configuration; the stores must be given, every other part has a default.
     *
     * @param config the start-up configuration
     * @return a new builder
     */
    public static Builder builder(GatehouseConfig config) {
        return new Builder(config);
    }

    /**
     * The live login settings this engine reads.
     *
     * @return the settings, read from the {@link io.gatehouse.sso.spi.SettingsSource} at each call
     */
    public LoginSettings settings() {
        return parts.settings();
    }

    /**
     * Whether mail is configured (SSO registration needs it).
     *
     * @return true when the mailer has what it needs to send
     */
    public boolean emailConfigured() {
        return parts.mailer().isConfigured();
    }

    /**
     * The start-up configuration this engine was built with.
     *
     * @return the configuration
     */
    public GatehouseConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ begin

    /**
     * Starts a login or connect: on success a {@link LoginOutcome.Redirect} to the IdP with the transaction cookie.
     *
     * @param routeId the provider route id from the URL, e.g. {@code keycloak}
     * @param request the process, the {@code next} path, the base URL and the signed-in user, if any
     * @return a redirect to the IdP, or a failure (also in the error log)
     */
    public LoginOutcome beginLogin(String routeId, LoginRequest request) {
        LoginAttempt attempt = LoginAttempt.begin(parts.failures(), LoginAttempt.recordedRoute(selector, routeId), request)
                .about("provider=" + routeId);
        return inFlight.run(attempt, () -> {
            if (!parts.settings().ssoEnabled()) {
                return attempt.refuse(FailureCode.SSO_DISABLED, "SSO login attempted while LOGIN_ENABLE_SSO is off");
            }
            if (request.process() == AuthProcess.CONNECT && (request.signedInUserId() == null || request.signedInUserId().isBlank())) {
                return attempt.refuse(FailureCode.NOT_SIGNED_IN, "Connect started without a signed-in user");
            }
            SelectedApp selected = selector.select(routeId, BaseUrl.siteOf(request.baseUrl()), request.appName());
            attempt.scrub(selected.app().secret());
            return redirect.to(routeId, request, selected, ProviderContext.of(selected, request.baseUrl(), clients), attempt);
        });
    }

    // ------------------------------------------------------------------ complete

    /**
     * Completes the IdP's redirect back: the {@link CallbackChecks}, the code exchange, then the account policy.
     *
     * @param routeId the provider route id from the callback URL
     * @param callback the query parameters, cookies and base URL of the callback request
     * @return the signed-in or connected user, a pending sign-up, or a failure (also in the error log)
     */
    public LoginOutcome completeLogin(String routeId, CallbackRequest callback) {
        LoginAttempt attempt = LoginAttempt.callback(parts.failures(), LoginAttempt.recordedRoute(selector, routeId), callback)
                .about("provider=" + routeId);
        return inFlight.run(attempt, () -> {
            if (!parts.settings().ssoEnabled()) {
                return attempt.refuse(FailureCode.SSO_DISABLED, "SSO callback received while LOGIN_ENABLE_SSO is off");
            }
            // once the callback is bound to its transaction, failures go to the transaction's next
            return checks.verify(routeId, callback, attempt,
                    passed -> passed.attempt().guard(() -> exchangeAndResolve(routeId, callback, passed)));
        });
    }

    private LoginOutcome exchangeAndResolve(String routeId, CallbackRequest callback, CallbackChecks.Passed passed)
            throws ProviderException {
        LoginAttempt attempt = passed.attempt();
        LoginTransaction tx = passed.transaction();
        SelectedApp selected = selector.selectById(routeId, BaseUrl.siteOf(callback.baseUrl()), tx.appId());
        attempt.scrub(selected.app().secret());
        // the code goes with this transaction's PKCE verifier, and the ID token must carry its nonce
        ProviderResult result = selected.backend().exchange(ProviderContext.of(selected, callback.baseUrl(), clients),
                new CodeExchange(passed.code(), tx.codeVerifier(), tx.nonce()));
        attempt.scrub(result.token().accessToken(), result.token().refreshToken());
        if (result.profile().uid().isBlank()) {
            return attempt.refuse(FailureCode.PROFILE_INVALID, "The identity provider returned no subject id");
        }
        return sessions.started(resolution.resolve(attempt, tx, selected, result), routeId, selected.app().id(), result.idpSession());
    }

    // ------------------------------------------------------------------ sign-up, confirmation, disconnect

    /**
     * Completes a {@link LoginOutcome.PendingSignup} with the fields the user entered on the host's form.
     * The email may be changed; a changed email is not verified, so the account starts inactive and a
     * confirmation mail is sent.
     *
     * @param signupToken the token of the {@link LoginOutcome.PendingSignup}, from the host's form
     * @param details what the user entered
     * @param baseUrl the public base URL (for the confirmation link)
     * @return the signed-in user, one awaiting email confirmation, or a failure
     */
    public LoginOutcome completeSignup(String signupToken, SignupDetails details, URI baseUrl) {
        return completeSignup(signupToken, details, baseUrl, Locale.ENGLISH);
    }

    /**
     * {@link #completeSignup(String, SignupDetails, URI)} for a reader of {@code locale}, who gets any confirmation mail in it.
     *
     * @param signupToken the token of the {@link LoginOutcome.PendingSignup}, from the host's form
     * @param details     what the user entered
     * @param baseUrl     the public base URL (for the confirmation link)
     * @param locale      the reader's language, e.g. from {@code Accept-Language}
     * @return the signed-in user, one awaiting email confirmation, or a failure
     */
    public LoginOutcome completeSignup(String signupToken, SignupDetails details, URI baseUrl, Locale locale) {
        LoginAttempt attempt = LoginAttempt.signup(parts.failures(), signupToken, baseUrl, locale);
        return inFlight.run(attempt, () -> signups.complete(signupToken, details, attempt));
    }

    /**
     * Confirms an email from the link in the confirmation mail and activates the account. The link works
     * once: an active account (already confirmed) refuses it, as does a changed email.
     *
     * @param token the token from the confirmation link
     * @return {@link LoginOutcome.EmailConfirmed}, or a failure
     */
    public LoginOutcome confirmEmail(String token) {
        LoginAttempt attempt = LoginAttempt.confirmation(parts.failures(), token);
        return inFlight.run(attempt, () -> confirmation.confirm(token, attempt));
    }

    /**
     * Removes a user's link to an identity (and its tokens). Hosts should keep users from removing their only way in.
     *
     * @param userId the local user
     * @param providerRouteId the provider route id of the identity
     * @param uid the identity's id at the provider
     * @return true when a link was removed
     */
    public boolean disconnect(String userId, String providerRouteId, String uid) {
        boolean removed = parts.accounts().unlink(userId, providerRouteId, uid);
        if (removed) {
            LOG.info("User {} disconnected {} identity {}", userId, providerRouteId, uid);
        }
        return removed;
    }

    /**
     * Sign-in sessions after the login: whether one still lives, sign-out (here and at the IdP), back-channel logout.
     *
     * @return the session operations, sharing this engine's stores
     */
    public SessionLifecycle sessions() {
        return sessions;
    }

    /**
     * Users' access tokens at their providers, refreshed when they expire.
     *
     * @return the token operations, sharing this engine's stores
     */
    public AccessTokens tokens() {
        return tokens;
    }

    /**
     * The error-log writer this engine uses, so adapters can record their own refusals (a failed CSRF
     * check, an invalid Host) where the admin reads SSO errors.
     *
     * @return the writer; it scrubs secrets as the engine's own records are
     */
    public FailureLog failureLog() {
        return parts.failures();
    }

    /**
     * Stops this node's sign-ins gracefully: from now on every new step (begin, callback, sign-up, confirmation)
     * fails with {@link FailureCode#SHUTTING_DOWN} (HTTP 503 in the servlet adapter), and this call waits up to
     * {@code bound} for the steps already running. Call it before the container stops; it cannot be undone.
     *
     * <pre>{@code
     * boolean drained = engine.shutdown(Duration.ofSeconds(20));   // then stop the server
     * }</pre>
     *
     * @param bound how long to wait for running steps
     * @return true when no step was running any more within the bound
     */
    public boolean shutdown(Duration bound) {
        boolean drained = inFlight.closeAndAwait(Objects.requireNonNull(bound, "bound"));
        LOG.info("SSO sign-ins shut down: {}", drained ? "no step was left running" : inFlight.running()
                + " step(s) still running after " + bound);
        return drained;
    }

    /**
     * The login buttons for a site: empty while SSO is off.
     *
     * @param baseUrl the public base URL of the site
     * @return one choice per usable, non-hidden app, in backend order
     */
    public List<LoginChoice> loginChoices(URI baseUrl) {
        try {
            if (!parts.settings().ssoEnabled()) {
                return List.of();
            }
        } catch (InvalidSettingException e) {
            LOG.warn("Login choices hidden: {}", e.getMessage());
            return List.of();
        }
        List<LoginChoice> choices = new ArrayList<>();
        for (SelectedApp s : selector.loginChoices(BaseUrl.siteOf(baseUrl))) {
            choices.add(new LoginChoice(s.routeId(), s.displayName(), s.backend().id(), baseUrl + "/accounts/" + s.routeId() + "/login/"));
        }
        return choices;
    }

    /**
     * Collaborators of a {@link LoginEngine}; the stores, settings and error log are required, a shared
     * {@link SingleUseValues} is required once there is more than one node.
     */
    public static final class Builder {
        private final GatehouseConfig config;
        private SocialAppRepository apps;
        private SocialAccountRepository accounts;
        private UserDirectory users;
        private SettingsSource settings;
        private ErrorLog errorLog;
        private Mailer mailer = Mailer.NOT_CONFIGURED;
        private Messages messages = Messages.of();
        private final List<LoginListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private ProviderRegistry registry;
        private SingleUseValues singleUseValues;
        private SSLContext tls;
        private ErrorLogRetention retention;
        private SessionRegistry sessionRegistry;
        private SessionPolicy sessionPolicy = SessionPolicy.DEFAULT;

        private Builder(GatehouseConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The admin-edited social applications. Required.
         *
         * @param apps the store
         * @return this builder
         */
        public Builder apps(SocialAppRepository apps) {
            this.apps = apps;
            return this;
        }

        /**
         * The links of identities to local users, with their tokens. Required.
         *
         * @param accounts the store
         * @return this builder
         */
        public Builder accounts(SocialAccountRepository accounts) {
            this.accounts = accounts;
            return this;
        }

        /**
         * The local users. Required.
         *
         * @param users the store
         * @return this builder
         */
        public Builder users(UserDirectory users) {
            this.users = users;
            return this;
        }

        /**
         * The live login settings ({@code LOGIN_ENABLE_SSO}, ...). Required.
         *
         * @param settings the store
         * @return this builder
         */
        public Builder settings(SettingsSource settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Where failures are recorded for the admin. Required.
         *
         * @param errorLog the store
         * @return this builder
         */
        public Builder errorLog(ErrorLog errorLog) {
            this.errorLog = errorLog;
            return this;
        }

        /**
         * How long error-log records are kept and how floods are counted; default from the configuration.
         *
         * @param retention the retention
         * @return this builder
         */
        public Builder errorLogRetention(ErrorLogRetention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * Sends confirmation mails; without one, email is not configured and SSO registration is refused.
         *
         * @param mailer the mailer
         * @return this builder
         */
        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /**
         * The texts of the confirmation mail; default {@link Messages#of}: the host's {@code gatehouse-messages}, then the core's.
         *
         * @param messages the message bundles
         * @return this builder
         */
        public Builder messages(Messages messages) {
            this.messages = Objects.requireNonNull(messages, "messages");
            return this;
        }

        /**
         * Adds a listener called after every successful sign-in (group sync is one); may be called several times.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(LoginListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The time of transactions, tokens and records; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where used callback states, sign-up forms and email-confirmation links are remembered. Without one the
         * engine remembers them in this node's memory (a warning says so at start): give every node the same
         * shared store, such as {@code JdbcStores.singleUseValues()}, so a link works once across nodes and restarts.
         *
         * @param singleUseValues the shared store
         * @return this builder
         */
        public Builder singleUseValues(SingleUseValues singleUseValues) {
            this.singleUseValues = Objects.requireNonNull(singleUseValues, "singleUseValues");
            return this;
        }

        /**
         * Where sign-in sessions are kept; share one across nodes ({@code JdbcStores.sessions()}). Default: this node's
         * memory.
         *
         * @param sessionRegistry the shared registry
         * @return this builder
         */
        public Builder sessionRegistry(SessionRegistry sessionRegistry) {
            this.sessionRegistry = Objects.requireNonNull(sessionRegistry, "sessionRegistry");
            return this;
        }

        /**
         * How long sessions live and how early access tokens are renewed; default {@link SessionPolicy#DEFAULT}.
         *
         * @param sessionPolicy the policy
         * @return this builder
         */
        public Builder sessionPolicy(SessionPolicy sessionPolicy) {
            this.sessionPolicy = Objects.requireNonNull(sessionPolicy, "sessionPolicy");
            return this;
        }

        /**
         * The TLS context of every call to an IdP (one whose certificate a private CA signed); default: the JVM's.
         *
         * @param tls the TLS context, or null for the JVM's default
         * @return this builder
         */
        public Builder tls(SSLContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Overrides the registry loaded from the class path (tests, or hosts registering backends by hand).
         *
         * @param registry the backends to use
         * @return this builder
         */
        public Builder registry(ProviderRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * The engine; it loads the enabled provider backends and checks the social applications now.
         *
         * @return a new engine
         * @throws io.gatehouse.sso.core.config.ConfigException when {@code social_providers} holds a setting Gatehouse
         *     cannot use, or a backend is missing
         * @throws NullPointerException when a required store was not given
         */
        public LoginEngine build() {
            return new LoginEngine(this);
        }
    }
}
