package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.spi.UsernameTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account policy the seed describes, applied to an identity the IdP has vouched for: connect to the
 * signed-in user, sign in a known identity, link by verified email when allowed, or sign up under the
 * registration, mail and domain rules (atomically, through {@link UserDirectory#register}).
 */
final class AccountResolution {

    /** The identity the IdP vouched for, with the settings of the app it came through. */
    record Identity(String provider, ProviderProfile profile, SocialToken token, ProviderSettings appSettings) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AccountResolution.class);
    private static final int USERNAME_ATTEMPTS = 20;

    private final GatehouseConfig config;
    private final SocialAccountRepository accounts;
    private final UserDirectory users;
    private final LoginSettings settings;
    private final Mailer mailer;
    private final List<LoginListener> listeners;
    private final FailureLog failures;
    private final Seal seal;
    private final EmailConfirmation confirmation;
    private final Clock clock;

    AccountResolution(GatehouseConfig config, SocialAccountRepository accounts, UserDirectory users, LoginSettings settings,
                      Mailer mailer, List<LoginListener> listeners, FailureLog failures, Seal seal,
                      EmailConfirmation confirmation, Clock clock) {
        this.config = config;
        this.accounts = accounts;
        this.users = users;
        this.settings = settings;
        this.mailer = mailer;
        this.listeners = List.copyOf(listeners);
        this.failures = failures;
        this.seal = seal;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    /** Decides what a successful IdP answer means for the local accounts: connect, sign in, link, or sign up. */
    LoginOutcome resolve(LoginTransaction tx, SelectedApp selected, ProviderResult result, URI baseUrl, String path,
                                 Set<String> secrets) {
        ProviderProfile profile = result.profile();
        SocialToken token = result.token();
        String provider = selected.routeId();
        Identity identity = new Identity(provider, profile, token, selected.settings());
        String data = "provider=" + provider + " uid=" + profile.uid();
        Instant now = clock.instant();
        String next = tx.next();

        if (tx.process() == AuthProcess.CONNECT) {
            Optional<SocialAccount> existing = accounts.find(provider, profile.uid());
            if (existing.isPresent() && !existing.get().userId().equals(tx.userId())) {
                return failures.refuse(FailureCode.IDENTITY_LINKED_ELSEWHERE, "User " + tx.userId() + " tried to connect an identity that "
                        + "belongs to user " + existing.get().userId(), data, path, next, secrets);
            }
            Optional<User> user = users.findById(tx.userId());
            if (user.isEmpty()) {
                return failures.refuse(FailureCode.NOT_SIGNED_IN, "The user who started the connect no longer exists", data, path, next, secrets);
            }
            try {
                SocialAccount account = accounts.link(user.get().id(), provider, profile.uid(), profile.claims(), token, now);
                notifyListeners(new LoginEvent(user.get(), provider, profile, false, path, identity.appSettings()), secrets);
                return new LoginOutcome.Connected(user.get(), account, next);
            } catch (IdentityLinkedElsewhereException e) {
                return failures.refuse(FailureCode.IDENTITY_LINKED_ELSEWHERE, "The identity was linked to another user meanwhile", data, path, next, secrets);
            }
        }

        Optional<SocialAccount> known = accounts.find(provider, profile.uid());
        if (known.isPresent()) {
            return signInKnown(known.get(), identity, now, path, next, data, secrets);
        }

        Optional<EmailAddress> email = profile.preferredEmail().filter(e -> EmailAddresses.isValid(e.address()));
        if (email.isPresent()) {
            List<User> sameEmail = users.findByEmail(email.get().address());
            if (!sameEmail.isEmpty()) {
                // a concurrent first login of this identity may have registered it (user and link) since find() above
                Optional<SocialAccount> raced = accounts.find(provider, profile.uid());
                if (raced.isPresent()) {
                    return signInKnown(raced.get(), identity, now, path, next, data, secrets);
                }
                return linkByEmail(sameEmail, email.get(), identity, now, path, next, data, secrets);
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
            return new LoginOutcome.PendingSignup(signupToken, suggested, selected.displayName(), next);
        }
        SignupDetails details = new SignupDetails(Usernames.base(profile), email.get().address(), profile.firstName(), profile.lastName());
        return register(identity, details, email.get().verified(), true, baseUrl, path, next, secrets);
    }

    private LoginOutcome signInKnown(SocialAccount known, Identity identity, Instant now, String path, String next, String data,
                                     Set<String> secrets) {
        String provider = identity.provider();
        ProviderProfile profile = identity.profile();
        Optional<User> user = users.findById(known.userId());
        if (user.isEmpty()) {
            return failures.refuse(FailureCode.INTERNAL_ERROR, "The identity is linked to user " + known.userId() + ", who does not exist",
                    data, path, next, secrets);
        }
        if (!user.get().active()) {
            return failures.refuse(FailureCode.ACCOUNT_INACTIVE, "User " + user.get().id() + " is inactive (unconfirmed email or disabled)",
                    data, path, next, secrets);
        }
        SocialAccount account = accounts.recordLogin(provider, profile.uid(), profile.claims(), identity.token(), now).orElse(known);
        notifyListeners(new LoginEvent(user.get(), provider, profile, false, path, identity.appSettings()), secrets);
        return new LoginOutcome.SignedIn(user.get(), account, false, next);
    }

    private LoginOutcome linkByEmail(List<User> sameEmail, EmailAddress email, Identity identity, Instant now, String path,
                                     String next, String data, Set<String> secrets) {
        String provider = identity.provider();
        ProviderProfile profile = identity.profile();
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
                SocialAccount account = accounts.link(user.id(), provider, profile.uid(), profile.claims(), identity.token(), now);
                LOG.info("Linked {} identity {} to existing user {} by verified email", provider, profile.uid(), user.id());
                notifyListeners(new LoginEvent(user, provider, profile, false, path, identity.appSettings()), secrets);
                return new LoginOutcome.SignedIn(user, account, false, next);
            } catch (IdentityLinkedElsewhereException e) {
                return failures.refuse(FailureCode.IDENTITY_LINKED_ELSEWHERE, "The identity was linked to another user meanwhile", data, path, next, secrets);
            }
        }
        return failures.refuse(FailureCode.EMAIL_IN_USE, "A new " + provider + " identity asserts the email of existing user(s) "
                + sameEmail.stream().map(User::id).toList() + " and was not linked: " + why, data, path, next, secrets);
    }

    /** The sign-up policy the seed describes; empty when sign-up may go ahead. */
    Optional<LoginOutcome> refuseSignup(Optional<EmailAddress> email, String path, String next, String data, Set<String> secrets) {
        if (!settings.registrationEnabled()) {
            return Optional.of(failures.refuse(FailureCode.SIGNUP_CLOSED, "An unknown identity tried to sign up while LOGIN_ENABLE_SSO_REG is off",
                    data, path, next, secrets));
        }
        if (!mailer.isConfigured()) {
            return Optional.of(failures.refuse(FailureCode.MAIL_NOT_CONFIGURED, "SSO registration needs email: set the SMTP host and "
                    + "from address (" + config.values().prefix() + "EMAIL_HOST and " + config.values().prefix()
                    + "EMAIL_SENDER) so that SSO sign-up can work", data, path, next, secrets));
        }
        if (email.isEmpty()) {
            return Optional.of(failures.refuse(FailureCode.EMAIL_MISSING, "The identity provider sent no valid email address for a new user "
                    + "(is the 'email' scope granted?)", data, path, next, secrets));
        }
        if (!settings.allowedDomains().allows(email.get().address())) {
            return Optional.of(failures.refuse(FailureCode.EMAIL_DOMAIN_NOT_ALLOWED, "Sign-up refused: the email domain is not in "
                    + "LOGIN_SIGNUP_MAIL_RESTRICTION " + settings.allowedDomains().domains(), data + " domain="
                    + EmailAddresses.domainOf(email.get().address()).orElse("?"), path, next, secrets));
        }
        return Optional.empty();
    }

    LoginOutcome register(Identity identity, SignupDetails details, boolean emailVerified, boolean retryUsernames, URI baseUrl,
                          String path, String next, Set<String> secrets) {
        String provider = identity.provider();
        ProviderProfile profile = identity.profile();
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
                        details.lastName(), emailVerified), provider, profile.uid(), profile.claims(), identity.token(), groups, now));
            } catch (UsernameTakenException e) {
                continue;
            }
            if (!result.created()) {
                // a concurrent first login of the same identity won: this one signs in to the winner's account
                return signInKnown(result.account(), identity, now, path, next, data, secrets);
            }
            User user = result.user();
            LOG.info("Registered user {} from {} identity {}", user.id(), provider, profile.uid());
            notifyListeners(new LoginEvent(user, provider, profile, true, path, identity.appSettings()), secrets);
            if (!user.active()) {
                boolean sent = confirmation.send(user, baseUrl, path, secrets);
                return new LoginOutcome.AwaitingVerification(user, sent, next);
            }
            return new LoginOutcome.SignedIn(user, result.account(), true, next);
        }
        if (!retryUsernames) {
            return failures.refuse(FailureCode.SIGNUP_INVALID, "The chosen username '" + base + "' is taken", data, path, next, secrets);
        }
        return failures.refuse(FailureCode.INTERNAL_ERROR, "No free username near '" + base + "' after " + USERNAME_ATTEMPTS + " attempts",
                data, path, next, secrets);
    }

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
}
