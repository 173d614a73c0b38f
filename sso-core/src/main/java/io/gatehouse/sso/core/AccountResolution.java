package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.IdpSession;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.provider.VerifiedEmailSetting;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.spi.UsernameTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account policy the seed describes, applied to an identity the IdP has vouched for: connect to the
 * signed-in user, sign in a known identity, link by verified email when allowed, or sign up under the
 * registration, mail and domain rules (atomically, through {@link UserDirectory#register}).
 */
final class AccountResolution {

    /** The identity the IdP vouched for, with the settings of the app it came through and the IdP's session (or null). */
    record Identity(String provider, ProviderProfile profile, SocialToken token, ProviderSettings appSettings,
                    IdpSession idpSession) {

        /** What the error log says about this identity. */
        String data() {
            return "provider=" + provider + " uid=" + profile.uid();
        }

        IdentitySignIn signedInAt(Instant at) {
            return new IdentitySignIn(provider, profile.uid(), profile.claims(), token, at);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AccountResolution.class);
    private static final int USERNAME_ATTEMPTS = 20;

    private final EngineParts parts;
    private final EmailConfirmation confirmation;

    AccountResolution(EngineParts parts) {
        this.parts = parts;
        this.confirmation = new EmailConfirmation(parts);
    }

    /** Decides what a successful IdP answer means for the local accounts: connect, sign in, link, or sign up. */
    LoginOutcome resolve(LoginAttempt callback, LoginTransaction tx, SelectedApp selected, ProviderResult result) {
        // VERIFIED_EMAIL: addresses the app's settings trust count as verified from here on
        ProviderProfile profile = VerifiedEmailSetting.of(selected.settings()).applyTo(result.profile());
        Identity identity = new Identity(selected.routeId(), profile, result.token(), selected.settings(), result.idpSession());
        LoginAttempt attempt = callback.about(identity.data());
        Instant now = parts.clock().instant();
        if (tx.process() == AuthProcess.CONNECT) {
            return connect(attempt, tx.userId(), identity, now);
        }
        Optional<SocialAccount> known = parts.accounts().find(identity.provider(), profile.uid());
        if (known.isPresent()) {
            return signInKnown(attempt, known.get(), identity, now);
        }
        Optional<EmailAddress> email = profile.preferredEmail().filter(e -> EmailAddresses.isValid(e.address()));
        List<User> sameEmail = email.map(e -> parts.users().findByEmail(e.address())).orElse(List.of());
        if (!sameEmail.isEmpty()) {
            // a concurrent first login of this identity may have registered it (user and link) since find() above
            Optional<SocialAccount> raced = parts.accounts().find(identity.provider(), profile.uid());
            if (raced.isPresent()) {
                return signInKnown(attempt, raced.get(), identity, now);
            }
            return linkByEmail(attempt, sameEmail, email.get(), identity, now);
        }
        return signUp(attempt, selected, identity, email);
    }

    private LoginOutcome connect(LoginAttempt attempt, String userId, Identity identity, Instant now) {
        Optional<SocialAccount> existing = parts.accounts().find(identity.provider(), identity.profile().uid());
        if (existing.isPresent() && !existing.get().userId().equals(userId)) {
            return attempt.refuse(FailureCode.IDENTITY_LINKED_ELSEWHERE, "User " + userId + " tried to connect an identity that "
                    + "belongs to user " + existing.get().userId());
        }
        Optional<User> user = parts.users().findById(userId);
        if (user.isEmpty()) {
            return attempt.refuse(FailureCode.NOT_SIGNED_IN, "The user who started the connect no longer exists");
        }
        try {
            SocialAccount account = parts.accounts().link(user.get().id(), identity.signedInAt(now));
            notifyListeners(attempt, new LoginEvent(user.get(), identity.provider(), identity.profile(), false, attempt.path(),
                    identity.appSettings()));
            return new LoginOutcome.Connected(user.get(), account, attempt.next());
        } catch (IdentityLinkedElsewhereException e) {
            return attempt.refuse(FailureCode.IDENTITY_LINKED_ELSEWHERE, "The identity was linked to another user meanwhile");
        }
    }

    private LoginOutcome signInKnown(LoginAttempt attempt, SocialAccount known, Identity identity, Instant now) {
        Optional<User> user = parts.users().findById(known.userId());
        if (user.isEmpty()) {
            return attempt.refuse(FailureCode.INTERNAL_ERROR, "The identity is linked to user " + known.userId() + ", who does not exist");
        }
        if (!user.get().active()) {
            // a user awaiting their confirmation mail (which may have failed to go out) gets it again
            return confirmation.resend(user.get(), attempt).orElseGet(() -> attempt.refuse(FailureCode.ACCOUNT_INACTIVE,
                    "User " + user.get().id() + " is inactive (disabled, or an email confirmation that expired unused)"));
        }
        SocialAccount account = parts.accounts().recordLogin(identity.signedInAt(now)).orElse(known);
        notifyListeners(attempt, new LoginEvent(user.get(), identity.provider(), identity.profile(), false, attempt.path(),
                identity.appSettings()));
        return new LoginOutcome.SignedIn(user.get(), account, false, attempt.next());
    }

    private LoginOutcome linkByEmail(LoginAttempt attempt, List<User> sameEmail, EmailAddress email, Identity identity, Instant now) {
        String why;
        EmailAuthentication byEmail = EmailAuthentication.of(identity.appSettings(), parts.settings());
        if (!byEmail.signIn()) {
            why = EmailAuthentication.offReason();
        } else if (!email.verified()) {
            why = "the identity provider does not mark the email verified";
        } else if (sameEmail.size() > 1) {
            why = sameEmail.size() + " local users share the email";
        } else if (!sameEmail.get(0).active()) {
            why = "the local user with this email is inactive";
        } else if (!byEmail.link()) {
            return signInByEmail(attempt, sameEmail.get(0), identity);
        } else {
            User user = sameEmail.get(0);
            try {
                SocialAccount account = parts.accounts().link(user.id(), identity.signedInAt(now));
                LOG.info("Linked {} identity {} to existing user {} by verified email", identity.provider(), identity.profile().uid(),
                        user.id());
                notifyListeners(attempt, new LoginEvent(user, identity.provider(), identity.profile(), false, attempt.path(),
                        identity.appSettings()));
                return new LoginOutcome.SignedIn(user, account, false, attempt.next());
            } catch (IdentityLinkedElsewhereException e) {
                return attempt.refuse(FailureCode.IDENTITY_LINKED_ELSEWHERE, "The identity was linked to another user meanwhile");
            }
        }
        return attempt.refuse(FailureCode.EMAIL_IN_USE, "A new " + identity.provider() + " identity asserts the email of existing user(s) "
                + sameEmail.stream().map(User::id).toList() + " and was not linked: " + why);
    }

    /** EMAIL_AUTHENTICATION without AUTO_CONNECT: the user signs in, the identity stays unlinked (no link, no token). */
    private LoginOutcome signInByEmail(LoginAttempt attempt, User user, Identity identity) {
        LOG.info("Signed in user {} with a {} identity {} by verified email, without linking it", user.id(),
                identity.provider(), identity.profile().uid());
        notifyListeners(attempt, new LoginEvent(user, identity.provider(), identity.profile(), false, attempt.path(),
                identity.appSettings()));
        return new LoginOutcome.SignedIn(user, null, false, attempt.next());
    }

    /** An unknown identity: refused by the sign-up policy, sent to the host's sign-up form, or registered. */
    private LoginOutcome signUp(LoginAttempt attempt, SelectedApp selected, Identity identity, Optional<EmailAddress> email) {
        Optional<LoginOutcome> refused = refuseSignup(attempt, email);
        if (refused.isPresent()) {
            return refused.get();
        }
        ProviderProfile profile = identity.profile();
        SignupDetails suggested = new SignupDetails(Usernames.base(profile), email.get().address(), profile.firstName(),
                profile.lastName());
        if (!parts.settings().autoFill()) {
            String signupToken = parts.seal().seal(PendingSignupClaims.PURPOSE, PendingSignupClaims.create(identity.provider(),
                    selected.app().id(), profile, identity.token(), identity.idpSession(), attempt.next()).toClaims(),
                    parts.config().transactionTtl());
            return new LoginOutcome.PendingSignup(signupToken, suggested, selected.displayName(), attempt.next());
        }
        return register(attempt, identity, suggested, email.get().verified(), true);
    }

    /** The sign-up policy the seed describes; empty when sign-up may go ahead. */
    Optional<LoginOutcome> refuseSignup(LoginAttempt attempt, Optional<EmailAddress> email) {
        if (!parts.settings().registrationEnabled()) {
            return Optional.of(attempt.refuse(FailureCode.SIGNUP_CLOSED, "An unknown identity tried to sign up while LOGIN_ENABLE_SSO_REG is off"));
        }
        if (!parts.mailer().isConfigured()) {
            String prefix = parts.config().values().prefix();
            return Optional.of(attempt.refuse(FailureCode.MAIL_NOT_CONFIGURED, "SSO registration needs email: set the SMTP host and "
                    + "from address (" + prefix + "EMAIL_HOST and " + prefix + "EMAIL_SENDER) so that SSO sign-up can work"));
        }
        if (email.isEmpty()) {
            return Optional.of(attempt.refuse(FailureCode.EMAIL_MISSING, "The identity provider sent no valid email address for a new user "
                    + "(is the 'email' scope granted?)"));
        }
        if (!parts.settings().allowedDomains().allows(email.get().address())) {
            return Optional.of(attempt.alsoAbout("domain=" + EmailAddresses.domainOf(email.get().address()).orElse("?"))
                    .refuse(FailureCode.EMAIL_DOMAIN_NOT_ALLOWED, "Sign-up refused: the email domain is not in "
                            + "LOGIN_SIGNUP_MAIL_RESTRICTION " + parts.settings().allowedDomains().domains()));
        }
        return Optional.empty();
    }

    /**
     * Creates the user with the identity linked, under the chosen username, or, when {@code suggestedUsername},
     * the first free one of it and its numbered variants.
     */
    LoginOutcome register(LoginAttempt attempt, Identity identity, SignupDetails details, boolean emailVerified,
                          boolean suggestedUsername) {
        Set<String> groups = parts.settings().signupGroup().map(Set::of).orElse(Set.of());
        Instant now = parts.clock().instant();
        String base = details.username();
        for (int n = 0; n < (suggestedUsername ? USERNAME_ATTEMPTS : 1); n++) {
            String username = n == 0 ? base : Usernames.withSuffix(base, n + 1);
            if (suggestedUsername && parts.users().findByUsername(username).isPresent()) {
                continue;
            }
            RegistrationResult result;
            try {
                result = parts.users().register(new Registration(new UserDraft(username, details.email(), details.firstName(),
                        details.lastName(), emailVerified), identity.signedInAt(now), groups));
            } catch (UsernameTakenException e) {
                continue;
            }
            // a concurrent first login of the same identity may have won: this one signs in to the winner's account
            return result.created() ? welcome(attempt, identity, result) : signInKnown(attempt, result.account(), identity, now);
        }
        if (!suggestedUsername) {
            return attempt.refuse(FailureCode.SIGNUP_INVALID, "The chosen username '" + base + "' is taken");
        }
        return attempt.refuse(FailureCode.INTERNAL_ERROR, "No free username near '" + base + "' after " + USERNAME_ATTEMPTS + " attempts");
    }

    private LoginOutcome welcome(LoginAttempt attempt, Identity identity, RegistrationResult result) {
        User user = result.user();
        LOG.info("Registered user {} from {} identity {}", user.id(), identity.provider(), identity.profile().uid());
        notifyListeners(attempt, new LoginEvent(user, identity.provider(), identity.profile(), true, attempt.path(),
                identity.appSettings()));
        if (!user.active()) {
            return new LoginOutcome.AwaitingVerification(user, confirmation.send(user, attempt), attempt.next());
        }
        return new LoginOutcome.SignedIn(user, result.account(), true, attempt.next());
    }

    private void notifyListeners(LoginAttempt attempt, LoginEvent event) {
        for (LoginListener listener : parts.listeners()) {
            try {
                listener.onLogin(event);
            } catch (RuntimeException e) {
                attempt.note("sso.listener_failed", "A login listener (" + listener.getClass().getName() + ") failed; "
                        + "the login went ahead", e.toString());
            }
        }
    }
}
