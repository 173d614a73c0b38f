package io.gatehouse.sso.core;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.oidc.OpenIdConnect;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderHttp;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.spi.UsernameTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * LoginOutcome start = engine.beginLogin("keycloak", new LoginRequest(Process.LOGIN, "/", baseUrl, null, null));
 * }</pre>
 */
public final class LoginEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LoginEngine.class);
    private static final String CONFIRMATION_PURPOSE = "email-confirmation";
    private static final Duration CONFIRMATION_TTL = Duration.ofDays(1);
    private static final int USERNAME_ATTEMPTS = 20;
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
    private final ProviderHttp http;
    private final OpenIdConnect oidc;
    private final ReplayGuard replay;
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
        this.http = new ProviderHttp(config.httpTimeout(), ProviderHttp.DEFAULT_MAX_BODY_BYTES);
        this.oidc = new OpenIdConnect(http, clock);
        byte[] key = config.transactionKey().orElseGet(() -> {
            LOG.warn("No transaction_key is configured: login transactions are sealed with a per-process key. "
                    + "Several application nodes (or a restart during a login) need one shared key: set {}TRANSACTION_KEY "
                    + "to the output of 'openssl rand -base64 32'.", config.values().prefix());
            return Seal.randomKey();
        });
        this.seal = new Seal(key, clock);
        this.replay = new ReplayGuard(config.transactionTtl(), clock);
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
            if (request.process() == Process.CONNECT && (request.signedInUserId() == null || request.signedInUserId().isBlank())) {
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
                    next, request.process() == Process.CONNECT ? request.signedInUserId() : null, clock.instant());
            String sealed = seal.seal(LoginTransaction.PURPOSE, tx.toClaims(), config.transactionTtl());
            TransactionCookie cookie = new TransactionCookie(TransactionCookie.nameFor(state), sealed, TransactionCookie.PATH,
                    config.transactionTtl(), "https".equalsIgnoreCase(request.baseUrl().getScheme()), "Lax");
            return new LoginOutcome.Redirect(location, cookie, next);
        } catch (ProviderException e) {
            return fail(e.code(), e.getMessage(), "provider=" + routeId, path, next, secrets);
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
        return new ProviderContext(selected.app(), selected.settings(), BaseUrl.callbackUri(baseUrl, selected.routeId()), http, oidc);
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
        for (String name : List.of("code", "state")) {
            secrets.addAll(callback.params().getOrDefault(name, List.of()));
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
                tx = LoginTransaction.fromClaims(seal.open(LoginTransaction.PURPOSE, sealed));
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
            if (tx.process() == Process.CONNECT) {
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
            return resolve(tx, selected, result, callback.baseUrl(), path, secrets);
        } catch (ProviderException e) {
            return fail(e.code(), e.getMessage(), "provider=" + routeId, path, next, secrets);
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

    private LoginOutcome resolve(LoginTransaction tx, SelectedApp selected, ProviderResult result, URI baseUrl, String path,
                                 Set<String> secrets) {
        ProviderProfile profile = result.profile();
        SocialToken token = result.token();
        String provider = selected.routeId();
        String data = "provider=" + provider + " uid=" + profile.uid();
        Instant now = clock.instant();
        String next = tx.next();

        if (tx.process() == Process.CONNECT) {
            Optional<SocialAccount> existing = accounts.find(provider, profile.uid());
            if (existing.isPresent() && !existing.get().userId().equals(tx.userId())) {
                return fail(FailureCode.IDENTITY_LINKED_ELSEWHERE, "User " + tx.userId() + " tried to connect an identity that "
                        + "belongs to user " + existing.get().userId(), data, path, next, secrets);
            }
            Optional<User> user = users.findById(tx.userId());
            if (user.isEmpty()) {
                return fail(FailureCode.NOT_SIGNED_IN, "The user who started the connect no longer exists", data, path, next, secrets);
            }
            try {
                SocialAccount account = accounts.link(user.get().id(), provider, profile.uid(), profile.claims(), token, now);
                notifyListeners(new LoginEvent(user.get(), provider, profile, false, path), secrets);
                return new LoginOutcome.Connected(user.get(), account, next);
            } catch (IdentityLinkedElsewhereException e) {
                return fail(FailureCode.IDENTITY_LINKED_ELSEWHERE, "The identity was linked to another user meanwhile", data, path, next, secrets);
            }
        }

        Optional<SocialAccount> known = accounts.find(provider, profile.uid());
        if (known.isPresent()) {
            return signInKnown(known.get(), provider, profile, token, now, path, next, data, secrets);
        }

        Optional<EmailAddress> email = profile.preferredEmail().filter(e -> EmailAddresses.isValid(e.address()));
        if (email.isPresent()) {
            List<User> sameEmail = users.findByEmail(email.get().address());
            if (!sameEmail.isEmpty()) {
                // a concurrent first login of this identity may have registered it (user and link) since find() above
                Optional<SocialAccount> raced = accounts.find(provider, profile.uid());
                if (raced.isPresent()) {
                    return signInKnown(raced.get(), provider, profile, token, now, path, next, data, secrets);
                }
                return linkByEmail(sameEmail, email.get(), provider, profile, token, now, path, next, data, secrets);
            }
        }
        Optional<LoginOutcome> refused = refuseSignup(email, path, next, data, secrets);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!settings.autoFill()) {
            String signupToken = seal.seal(PendingSignupClaims.PURPOSE,
                    PendingSignupClaims.create(provider, selected.app().id(), profile, token, next).toClaims(), config.transactionTtl());
            SignupDetails suggested = new SignupDetails(Usernames.base(profile), email.get().address(), profile.firstName(), profile.lastName());
            return new LoginOutcome.PendingSignup(signupToken, suggested, displayName(selected), next);
        }
        SignupDetails details = new SignupDetails(Usernames.base(profile), email.get().address(), profile.firstName(), profile.lastName());
        return register(provider, profile, token, details, email.get().verified(), true, baseUrl, path, next, secrets);
    }

    private LoginOutcome signInKnown(SocialAccount known, String provider, ProviderProfile profile, SocialToken token,
                                     Instant now, String path, String next, String data, Set<String> secrets) {
        Optional<User> user = users.findById(known.userId());
        if (user.isEmpty()) {
            return fail(FailureCode.INTERNAL_ERROR, "The identity is linked to user " + known.userId() + ", who does not exist",
                    data, path, next, secrets);
        }
        if (!user.get().active()) {
            return fail(FailureCode.ACCOUNT_INACTIVE, "User " + user.get().id() + " is inactive (unconfirmed email or disabled)",
                    data, path, next, secrets);
        }
        SocialAccount account = accounts.recordLogin(provider, profile.uid(), profile.claims(), token, now).orElse(known);
        notifyListeners(new LoginEvent(user.get(), provider, profile, false, path), secrets);
        return new LoginOutcome.SignedIn(user.get(), account, false, next);
    }

    private LoginOutcome linkByEmail(List<User> sameEmail, EmailAddress email, String provider, ProviderProfile profile,
                                     SocialToken token, Instant now, String path, String next, String data, Set<String> secrets) {
        String why;
        if (!settings.linkByEmail()) {
            why = "linking by email is off (LOGIN_SSO_LINK_BY_EMAIL)";
        } else if (!email.verified()) {
            why = "the identity provider does not mark the email verified";
        } else if (sameEmail.size() > 1) {
            why = sameEmail.size() + " local users share the email";
        } else if (!sameEmail.get(0).active()) {
            why = "the local user with this email is inactive";
        } else {
            User user = sameEmail.get(0);
            try {
                SocialAccount account = accounts.link(user.id(), provider, profile.uid(), profile.claims(), token, now);
                LOG.info("Linked {} identity {} to existing user {} by verified email", provider, profile.uid(), user.id());
                notifyListeners(new LoginEvent(user, provider, profile, false, path), secrets);
                return new LoginOutcome.SignedIn(user, account, false, next);
            } catch (IdentityLinkedElsewhereException e) {
                return fail(FailureCode.IDENTITY_LINKED_ELSEWHERE, "The identity was linked to another user meanwhile", data, path, next, secrets);
            }
        }
        return fail(FailureCode.EMAIL_IN_USE, "A new " + provider + " identity asserts the email of existing user(s) "
                + sameEmail.stream().map(User::id).toList() + " and was not linked: " + why, data, path, next, secrets);
    }

    /** The sign-up policy the seed describes; empty when sign-up may go ahead. */
    private Optional<LoginOutcome> refuseSignup(Optional<EmailAddress> email, String path, String next, String data, Set<String> secrets) {
        if (!settings.registrationEnabled()) {
            return Optional.of(fail(FailureCode.SIGNUP_CLOSED, "An unknown identity tried to sign up while LOGIN_ENABLE_SSO_REG is off",
                    data, path, next, secrets));
        }
        if (!mailer.isConfigured()) {
            return Optional.of(fail(FailureCode.MAIL_NOT_CONFIGURED, "SSO registration needs email: set the SMTP host and "
                    + "from address (" + config.values().prefix() + "EMAIL_HOST and " + config.values().prefix()
                    + "EMAIL_SENDER) so that SSO sign-up can work", data, path, next, secrets));
        }
        if (email.isEmpty()) {
            return Optional.of(fail(FailureCode.EMAIL_MISSING, "The identity provider sent no valid email address for a new user "
                    + "(is the 'email' scope granted?)", data, path, next, secrets));
        }
        if (!settings.allowedDomains().allows(email.get().address())) {
            return Optional.of(fail(FailureCode.EMAIL_DOMAIN_NOT_ALLOWED, "Sign-up refused: the email domain is not in "
                    + "LOGIN_SIGNUP_MAIL_RESTRICTION " + settings.allowedDomains().domains(), data + " domain="
                    + EmailAddresses.domainOf(email.get().address()).orElse("?"), path, next, secrets));
        }
        return Optional.empty();
    }

    private LoginOutcome register(String provider, ProviderProfile profile, SocialToken token, SignupDetails details,
                                  boolean emailVerified, boolean retryUsernames, URI baseUrl, String path, String next,
                                  Set<String> secrets) {
        String data = "provider=" + provider + " uid=" + profile.uid();
        Set<String> groups = settings.signupGroup().map(Set::of).orElse(Set.of());
        Instant now = clock.instant();
        String base = details.username();
        for (int attempt = 0; attempt < (retryUsernames ? USERNAME_ATTEMPTS : 1); attempt++) {
            String username = attempt == 0 ? base : Usernames.withSuffix(base, attempt + 1);
            if (retryUsernames && users.findByUsername(username).isPresent()) {
                continue;
            }
            RegistrationResult result;
            try {
                result = users.register(new Registration(new UserDraft(username, details.email(), details.firstName(),
                        details.lastName(), emailVerified), provider, profile.uid(), profile.claims(), token, groups, now));
            } catch (UsernameTakenException e) {
                continue;
            }
            if (!result.created()) {
                // a concurrent first login of the same identity won: this one signs in to the winner's account
                return signInKnown(result.account(), provider, profile, token, now, path, next, data, secrets);
            }
            User user = result.user();
            LOG.info("Registered user {} from {} identity {}", user.id(), provider, profile.uid());
            notifyListeners(new LoginEvent(user, provider, profile, true, path), secrets);
            if (!user.active()) {
                boolean sent = sendConfirmation(user, baseUrl, path, secrets);
                return new LoginOutcome.AwaitingVerification(user, sent, next);
            }
            return new LoginOutcome.SignedIn(user, result.account(), true, next);
        }
        if (!retryUsernames) {
            return fail(FailureCode.SIGNUP_INVALID, "The chosen username '" + base + "' is taken", data, path, next, secrets);
        }
        return fail(FailureCode.INTERNAL_ERROR, "No free username near '" + base + "' after " + USERNAME_ATTEMPTS + " attempts",
                data, path, next, secrets);
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
            Optional<LoginOutcome> refused = refuseSignup(EmailAddresses.isValid(email)
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
            return register(pending.routeId(), pending.profile(), pending.token(),
                    new SignupDetails(username, email, details.firstName(), details.lastName()), verified, false, baseUrl,
                    path, pending.next(), secrets);
        } catch (InvalidSettingException e) {
            return fail(FailureCode.SETTINGS_INVALID, "A login setting is invalid: " + e.getMessage(), "", path, "/", secrets);
        } catch (RuntimeException e) {
            return internalError(e, "signup", path, "/", secrets);
        }
    }

    private boolean sendConfirmation(User user, URI baseUrl, String path, Set<String> secrets) {
        String token = seal.seal(CONFIRMATION_PURPOSE, new JWTClaimsSet.Builder().subject(user.id())
                .claim("em", user.email()).build(), CONFIRMATION_TTL);
        secrets.add(token);
        String link = baseUrl + "/accounts/confirm-email/" + token + "/";
        String text = "Hello " + user.username() + ",\n\nplease confirm your email address to activate your account:\n\n"
                + link + "\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this mail.\n";
        String html = "<p>Hello " + html(user.username()) + ",</p><p>please confirm your email address to activate your account:</p>"
                + "<p><a href=\"" + html(link) + "\">Confirm my email address</a></p>"
                + "<p>The link works once and expires in 24 hours. If you did not sign up, ignore this mail.</p>";
        try {
            mailer.send(new MailMessage(user.email(), "Confirm your email address", text, html));
            return true;
        } catch (MailException | RuntimeException e) {
            failures.record("sso.mail_failed", "The confirmation mail to user " + user.id() + " could not be sent; the account "
                    + "was kept (inactive). Fix mail, then activate the user in the admin (signing in again does not resend it).",
                    "user=" + user.id() + " error=" + e.getMessage(), path, secrets);
            return false;
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Confirms an email from the link in the confirmation mail and activates the account. The link works
     * once: an active account (already confirmed) refuses it, as does a changed email.
     */
    public LoginOutcome confirmEmail(String token) {
        String path = "auth:/accounts/confirm-email/";
        Set<String> secrets = new HashSet<>(List.of(String.valueOf(token)));
        try {
            JWTClaimsSet claims;
            try {
                claims = seal.open(CONFIRMATION_PURPOSE, token);
            } catch (Seal.Expired e) {
                return fail(FailureCode.CONFIRMATION_EXPIRED, "An expired confirmation link was used", "", path, "/", secrets);
            } catch (Seal.Broken e) {
                return fail(FailureCode.CONFIRMATION_INVALID, "A confirmation link was rejected: " + e.getMessage(), "", path, "/", secrets);
            }
            Optional<User> user = users.findById(claims.getSubject());
            Object email = claims.getClaim("em");
            if (user.isEmpty() || !user.get().email().equalsIgnoreCase(String.valueOf(email))) {
                return fail(FailureCode.CONFIRMATION_INVALID, "A confirmation link names a user or email that no longer matches",
                        "user=" + claims.getSubject(), path, "/", secrets);
            }
            String marker = user.get().id() + ":" + user.get().email().toLowerCase(Locale.ROOT);
            if (user.get().active() || accounts.find(EMAIL_CONFIRMED_MARKER, marker).isPresent()) {
                return fail(FailureCode.CONFIRMATION_INVALID, "A confirmation link was used again for user " + user.get().id(),
                        "user=" + user.get().id(), path, "/", secrets);
            }
            accounts.link(user.get().id(), EMAIL_CONFIRMED_MARKER, marker, Map.of("confirmed_email", user.get().email()), null,
                    clock.instant());
            User active = users.update(user.get().withActive(true));
            LOG.info("User {} confirmed their email", active.id());
            return new LoginOutcome.EmailConfirmed(active, "/");
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
            choices.add(new LoginChoice(s.routeId(), displayName(s), s.backend().id(), baseUrl + "/accounts/" + s.routeId() + "/login/"));
        }
        return choices;
    }

    private static String displayName(SelectedApp s) {
        return s.app().name().isBlank() || s.app().name().equals(s.backend().id()) ? s.backend().displayName() : s.app().name();
    }

    // ------------------------------------------------------------------ plumbing

    private void notifyListeners(LoginEvent event, Collection<String> secrets) {
        for (LoginListener listener : listeners) {
            try {
                listener.onLogin(event);
            } catch (RuntimeException e) {
                failures.record("sso.listener_failed", "A login listener (" + listener.getClass().getName() + ") failed; "
                        + "the login went ahead", e.toString(), event.path(), secrets);
            }
        }
    }

    private LoginOutcome fail(FailureCode code, String info, String data, String path, String next, Collection<String> secrets) {
        String id = failures.record(code.kind(), info, data, path, secrets);
        return new LoginOutcome.Failed(new LoginFailure(code, code.message(), id), SafeNext.of(next));
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
