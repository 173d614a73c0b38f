package io.gatehouse.sso.core;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.InvalidProviderSettingException;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.ReplayGuard;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 *         .mailer(mailer).listener(groupSync)
 *         .build();
 * LoginOutcome start = engine.beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", baseUrl, null, null));
 * }</pre>
 */
public final class LoginEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LoginEngine.class);
    /**
     * Pseudo-provider of the link that records a used confirmation link. Stored through the SPI like any
     * link, so "works once" survives restarts and holds across nodes, and an admin's later deactivation
     * cannot be undone by replaying the link. Real provider ids never contain ':'.
     */
    public static final String EMAIL_CONFIRMED_MARKER = "gatehouse:email-confirmed";

    private final GatehouseConfig config;
    private final AppSelector selector;
    private final SocialAccountRepository accounts;
    private final UserDirectory users;
    private final LoginSettings settings;
    private final Mailer mailer;
    private final List<LoginListener> listeners;
    private final FailureLog failures;
    private final Seal seal;
    private final Clock clock;
    private final IdpClients clients;
    private final ReplayGuard replay;
    private final EmailConfirmation confirmation;
    private final AccountResolution resolution;
    private final SecureRandom random = new SecureRandom();

    private LoginEngine(Builder b) {
        this.config = b.config;
        this.accounts = Objects.requireNonNull(b.accounts, "accounts");
        this.users = Objects.requireNonNull(b.users, "users");
        this.settings = new LoginSettings(Objects.requireNonNull(b.settings, "settings"));
        this.mailer = b.mailer;
        this.listeners = List.copyOf(b.listeners);
        this.clock = b.clock;
        this.failures = new FailureLog(Objects.requireNonNull(b.errorLog, "errorLog"), clock);
        ProviderRegistry registry = b.registry != null ? b.registry : ProviderRegistry.load(config.backends());
        this.selector = new AppSelector(Objects.requireNonNull(b.apps, "apps"), config, registry);
        this.clients = IdpClients.create(config.httpTimeout(), clock);
        byte[] key = config.transactionKey().orElseGet(() -> {
            LOG.warn("No transaction_key is configured: login transactions are sealed with a per-process key. "
                    + "Several application nodes (or a restart during a login) need one shared key: set {}TRANSACTION_KEY "
                    + "to the output of 'openssl rand -base64 32'.", config.values().prefix());
            return Seal.randomKey();
        });
        this.seal = new Seal(key, clock);
        this.replay = new ReplayGuard(config.transactionTtl(), clock);
        this.confirmation = new EmailConfirmation(seal, mailer, users, accounts, failures, clock);
        this.resolution = new AccountResolution(config, accounts, users, settings, mailer, listeners, failures, seal,
                confirmation, clock);
    }

    public static Builder builder(GatehouseConfig config) {
        return new Builder(config);
    }

    /** The live login settings this engine reads. */
    public LoginSettings settings() {
        return settings;
    }

    /** Whether mail is configured (SSO registration needs it). */
    public boolean emailConfigured() {
        return mailer.isConfigured();
    }

    public GatehouseConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ begin

    /** Starts a login or connect: on success a {@link LoginOutcome.Redirect} to the IdP with the transaction cookie. */
    public LoginOutcome beginLogin(String routeId, LoginRequest request) {
        String path = "auth:/accounts/" + routeId + "/login/";
        String next = SafeNext.of(request.next());
        Set<String> secrets = new HashSet<>();
        try {
            if (!settings.ssoEnabled()) {
                return fail(FailureCode.SSO_DISABLED, "SSO login attempted while LOGIN_ENABLE_SSO is off", "provider=" + routeId, path, next, secrets);
            }
            if (request.process() == AuthProcess.CONNECT && (request.signedInUserId() == null || request.signedInUserId().isBlank())) {
                return fail(FailureCode.NOT_SIGNED_IN, "Connect started without a signed-in user", "provider=" + routeId, path, next, secrets);
            }
            SelectedApp selected = selector.select(routeId, BaseUrl.siteOf(request.baseUrl()), request.appName());
            secrets.add(selected.app().secret());
            ProviderContext context = context(selected, request.baseUrl());
            selected.backend().checkSettings(context);
            String state = randomToken();
            String nonce = randomToken();
            String verifier = pkceEnabled(selected) ? new CodeVerifier().getValue() : null;
            URI location = selected.backend().authorizationUri(context, new AuthorizationParams(state, nonce, verifier));
            LoginTransaction tx = new LoginTransaction(state, nonce, verifier, routeId, selected.app().id(), request.process(),
                    next, request.process() == AuthProcess.CONNECT ? request.signedInUserId() : null, clock.instant());
            String sealed = tx.sealWith(seal, config.transactionTtl());
            TransactionCookie cookie = new TransactionCookie(TransactionCookie.nameFor(state), sealed, TransactionCookie.PATH,
                    config.transactionTtl(), "https".equalsIgnoreCase(request.baseUrl().getScheme()), "Lax");
            return new LoginOutcome.Redirect(location, cookie, next);
        } catch (ProviderException e) {
            return fail(e.code(), e.getMessage(), "provider=" + routeId, path, next, secrets);
        } catch (InvalidProviderSettingException e) {
            return fail(FailureCode.APP_NOT_CONFIGURED, "A social application setting is invalid: " + e.getMessage(),
                    "provider=" + routeId + " setting=" + e.key(), path, next, secrets);
        } catch (InvalidSettingException e) {
            return fail(FailureCode.SETTINGS_INVALID, "A login setting is invalid: " + e.getMessage(), "provider=" + routeId, path, next, secrets);
        } catch (RuntimeException e) {
            return internalError(e, routeId, path, next, secrets);
        }
    }

    private static boolean pkceEnabled(SelectedApp selected) {
        return selected.settings().bool("pkce_enabled", selected.settings().bool("OAUTH_PKCE_ENABLED", true));
    }

    private ProviderContext context(SelectedApp selected, URI baseUrl) {
        return new ProviderContext(selected.app(), selected.settings(), BaseUrl.callbackUri(baseUrl, selected.routeId()), clients);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ------------------------------------------------------------------ complete

    /** Completes the IdP's redirect back. */
    public LoginOutcome completeLogin(String routeId, CallbackRequest callback) {
        String path = "auth:/accounts/" + routeId + "/login/callback/";
        // what could let someone finish this login: the sealed cookies, the code and the state
        Set<String> secrets = new HashSet<>(callback.cookies().values());
        // (short values are no credential, and blanking them would let a forged callback censor the admin's log)
        for (String name : List.of("code", "state")) {
            callback.params().getOrDefault(name, List.of()).stream().filter(v -> v.length() >= 8).forEach(secrets::add);
        }
        String next = "/";
        try {
            if (!settings.ssoEnabled()) {
                return fail(FailureCode.SSO_DISABLED, "SSO callback received while LOGIN_ENABLE_SSO is off", "provider=" + routeId, path, next, secrets);
            }
            for (Map.Entry<String, List<String>> p : callback.params().entrySet()) {
                if (p.getValue().size() > 1) {
                    return fail(FailureCode.IDP_RESPONSE_INVALID, "The callback repeats the parameter '" + p.getKey() + "'",
                            "provider=" + routeId, path, next, secrets);
                }
            }
            String state = param(callback, "state");
            if (state == null || state.isBlank()) {
                return fail(FailureCode.STATE_MISMATCH, "The callback has no state parameter (forged or broken request)",
                        "provider=" + routeId, path, next, secrets);
            }
            String sealed = callback.cookies().get(TransactionCookie.nameFor(state));
            if (sealed == null) {
                return fail(FailureCode.TRANSACTION_MISSING, "No login transaction cookie matches the callback's state "
                        + "(cookie blocked, login started elsewhere, or a forged request)", "provider=" + routeId, path, next, secrets);
            }
            LoginTransaction tx;
            try {
                tx = LoginTransaction.openWith(seal, sealed);
            } catch (Seal.Broken e) {
                return fail(FailureCode.TRANSACTION_INVALID, "The login transaction cookie was rejected: " + e.getMessage(),
                        "provider=" + routeId, path, next, secrets);
            } catch (Seal.Expired e) {
                return fail(FailureCode.TRANSACTION_EXPIRED, "The login transaction expired (limit " + config.transactionTtl() + ")",
                        "provider=" + routeId, path, next, secrets);
            }
            if (!MessageDigest.isEqual(tx.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
                return fail(FailureCode.STATE_MISMATCH, "The callback's state differs from the login transaction's",
                        "provider=" + routeId, path, next, secrets);
            }
            next = tx.next();
            if (!tx.routeId().equals(routeId)) {
                return fail(FailureCode.PROVIDER_MISMATCH, "A login started for '" + tx.routeId() + "' came back to '" + routeId + "'",
                        "provider=" + routeId, path, next, secrets);
            }
            if (!replay.firstUse(state)) {
                return fail(FailureCode.CALLBACK_REPLAYED, "A callback with an already used state was presented again",
                        "provider=" + routeId, path, next, secrets);
            }
            String error = param(callback, "error");
            if (error != null) {
                String description = Optional.ofNullable(param(callback, "error_description")).map(d -> ": " + d).orElse("");
                FailureCode code = "access_denied".equals(error) ? FailureCode.CANCELLED : FailureCode.IDP_ERROR;
                return fail(code, "The identity provider answered error=" + error + description, "provider=" + routeId, path, next, secrets);
            }
            String code = param(callback, "code");
            if (code == null || code.isBlank()) {
                return fail(FailureCode.MISSING_CODE, "The callback has neither a code nor an error", "provider=" + routeId, path, next, secrets);
            }
            if (tx.process() == AuthProcess.CONNECT) {
                if (callback.signedInUserId() == null) {
                    return fail(FailureCode.NOT_SIGNED_IN, "A connect callback arrived without a signed-in user", "provider=" + routeId, path, next, secrets);
                }
                if (!callback.signedInUserId().equals(tx.userId())) {
                    return fail(FailureCode.CONNECT_USER_MISMATCH, "A connect started by user " + tx.userId()
                            + " was completed by user " + callback.signedInUserId(), "provider=" + routeId, path, next, secrets);
                }
            }
            SelectedApp selected = selector.selectById(routeId, BaseUrl.siteOf(callback.baseUrl()), tx.appId());
            secrets.add(selected.app().secret());
            ProviderResult result = selected.backend().exchange(context(selected, callback.baseUrl()),
                    new CodeExchange(code, tx.codeVerifier(), tx.nonce()));
            secrets.add(result.token().accessToken());
            secrets.add(result.token().refreshToken());
            if (result.profile().uid().isBlank()) {
                return fail(FailureCode.PROFILE_INVALID, "The identity provider returned no subject id", "provider=" + routeId, path, next, secrets);
            }
            return resolution.resolve(tx, selected, result, callback.baseUrl(), path, secrets);
        } catch (ProviderException e) {
            return fail(e.code(), e.getMessage(), "provider=" + routeId, path, next, secrets);
        } catch (InvalidProviderSettingException e) {
            return fail(FailureCode.APP_NOT_CONFIGURED, "A social application setting is invalid: " + e.getMessage(),
                    "provider=" + routeId + " setting=" + e.key(), path, next, secrets);
        } catch (InvalidSettingException e) {
            return fail(FailureCode.SETTINGS_INVALID, "A login setting is invalid: " + e.getMessage(), "provider=" + routeId, path, next, secrets);
        } catch (RuntimeException e) {
            return internalError(e, routeId, path, next, secrets);
        }
    }

    private static String param(CallbackRequest callback, String name) {
        List<String> values = callback.params().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // ------------------------------------------------------------------ sign-up, confirmation, disconnect

    /**
     * Completes a {@link LoginOutcome.PendingSignup} with the fields the user entered on the host's form.
     * The email may be changed; a changed email is not verified, so the account starts inactive and a
     * confirmation mail is sent.
     */
    public LoginOutcome completeSignup(String signupToken, SignupDetails details, URI baseUrl) {
        String path = "auth:/accounts/signup/";
        Set<String> secrets = new HashSet<>(List.of(String.valueOf(signupToken)));
        try {
            PendingSignupClaims pending;
            try {
                pending = PendingSignupClaims.fromClaims(seal.open(PendingSignupClaims.PURPOSE, signupToken));
            } catch (Seal.Broken | Seal.Expired e) {
                return fail(FailureCode.SIGNUP_INVALID, "The pending sign-up token was rejected: " + e.getMessage(), "", path, "/", secrets);
            }
            secrets.add(pending.token().accessToken());
            secrets.add(pending.token().refreshToken());
            String data = "provider=" + pending.routeId() + " uid=" + pending.profile().uid();
            if (!settings.ssoEnabled()) {
                return fail(FailureCode.SSO_DISABLED, "Sign-up completed while LOGIN_ENABLE_SSO is off", data, path, pending.next(), secrets);
            }
            if (accounts.find(pending.routeId(), pending.profile().uid()).isPresent()) {
                return fail(FailureCode.CALLBACK_REPLAYED, "A pending sign-up was submitted again after it created the account",
                        data, path, pending.next(), secrets);
            }
            String username = Usernames.clean(details.username());
            if (username.isEmpty() || !username.equals(details.username().toLowerCase(Locale.ROOT))) {
                return fail(FailureCode.SIGNUP_INVALID, "The username may only use letters, digits and _.@+- (got '"
                        + details.username() + "')", data, path, pending.next(), secrets);
            }
            String email = details.email();
            Optional<EmailAddress> idpEmail = pending.profile().emails().stream()
                    .filter(e -> e.address().equalsIgnoreCase(email)).findFirst();
            Optional<LoginOutcome> refused = resolution.refuseSignup(EmailAddresses.isValid(email)
                    ? Optional.of(new EmailAddress(email, false, true)) : Optional.empty(), path, pending.next(), data, secrets);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!users.findByEmail(email).isEmpty()) {
                return fail(FailureCode.EMAIL_IN_USE, "The sign-up form's email belongs to an existing user", data, path, pending.next(), secrets);
            }
            boolean verified = idpEmail.map(EmailAddress::verified).orElse(false);
            // consumed only now, so a form the user must correct (taken email, bad username) can be sent again
            if (!replay.firstUse("signup:" + pending.id())) {
                return fail(FailureCode.CALLBACK_REPLAYED, "A pending sign-up was submitted twice", data, path, pending.next(), secrets);
            }
            SelectedApp app = selector.selectById(pending.routeId(), BaseUrl.siteOf(baseUrl), pending.appId());
            return resolution.register(new AccountResolution.Identity(pending.routeId(), pending.profile(), pending.token(),
                    app.settings()),
                    new SignupDetails(username, email, details.firstName(), details.lastName()), verified, false, baseUrl,
                    path, pending.next(), secrets);
        } catch (ProviderException e) {
            return fail(e.code(), e.getMessage(), "", path, "/", secrets);
        } catch (InvalidProviderSettingException e) {
            return fail(FailureCode.APP_NOT_CONFIGURED, "A social application setting is invalid: " + e.getMessage(),
                    "setting=" + e.key(), path, "/", secrets);
        } catch (InvalidSettingException e) {
            return fail(FailureCode.SETTINGS_INVALID, "A login setting is invalid: " + e.getMessage(), "", path, "/", secrets);
        } catch (RuntimeException e) {
            return internalError(e, "signup", path, "/", secrets);
        }
    }

    /**
     * Confirms an email from the link in the confirmation mail and activates the account. The link works
     * once: an active account (already confirmed) refuses it, as does a changed email.
     */
    public LoginOutcome confirmEmail(String token) {
        String path = "auth:/accounts/confirm-email/";
        Set<String> secrets = new HashSet<>(List.of(String.valueOf(token)));
        try {
            return confirmation.confirm(token, path, secrets);
        } catch (RuntimeException e) {
            return internalError(e, "confirm-email", path, "/", secrets);
        }
    }

    /** Removes a user's link to an identity (and its tokens). Hosts should keep users from removing their only way in. */
    public boolean disconnect(String userId, String providerRouteId, String uid) {
        boolean removed = accounts.unlink(userId, providerRouteId, uid);
        if (removed) {
            LOG.info("User {} disconnected {} identity {}", userId, providerRouteId, uid);
        }
        return removed;
    }

    /**
     * The error-log writer this engine uses, so adapters can record their own refusals (a failed CSRF
     * check, an invalid Host) where the admin reads SSO errors.
     */
    public FailureLog failureLog() {
        return failures;
    }

    /** The login buttons for a site: empty while SSO is off. */
    public List<LoginChoice> loginChoices(URI baseUrl) {
        try {
            if (!settings.ssoEnabled()) {
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

    // ------------------------------------------------------------------ plumbing

    private LoginOutcome fail(FailureCode code, String info, String data, String path, String next, Collection<String> secrets) {
        return failures.refuse(code, info, data, path, next, secrets);
    }

    private LoginOutcome internalError(RuntimeException e, String routeId, String path, String next, Collection<String> secrets) {
        LOG.error("SSO {} failed unexpectedly at {}: {}", routeId, path, FailureLog.scrub(e.toString(), secrets));
        return fail(FailureCode.INTERNAL_ERROR, "Unexpected " + e.getClass().getName() + ": " + e.getMessage(),
                "provider=" + routeId, path, next, secrets);
    }

    /** Collaborators of a {@link LoginEngine}; the stores, settings and error log are required. */
    public static final class Builder {
        private final GatehouseConfig config;
        private SocialAppRepository apps;
        private SocialAccountRepository accounts;
        private UserDirectory users;
        private SettingsSource settings;
        private ErrorLog errorLog;
        private Mailer mailer = Mailer.NOT_CONFIGURED;
        private final List<LoginListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private ProviderRegistry registry;

        private Builder(GatehouseConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder apps(SocialAppRepository apps) {
            this.apps = apps;
            return this;
        }

        public Builder accounts(SocialAccountRepository accounts) {
            this.accounts = accounts;
            return this;
        }

        public Builder users(UserDirectory users) {
            this.users = users;
            return this;
        }

        public Builder settings(SettingsSource settings) {
            this.settings = settings;
            return this;
        }

        public Builder errorLog(ErrorLog errorLog) {
            this.errorLog = errorLog;
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        public Builder listener(LoginListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Overrides the registry loaded from the class path (tests, or hosts registering backends by hand). */
        public Builder registry(ProviderRegistry registry) {
            this.registry = registry;
            return this;
        }

        public LoginEngine build() {
            return new LoginEngine(this);
        }
    }
}
