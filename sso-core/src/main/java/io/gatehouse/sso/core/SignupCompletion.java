package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.core.transaction.Seal;

import java.util.Optional;

/**
 * The second half of a sign-up with auto-fill off: the fields the user entered on the host's form, checked
 * against the sign-up rules, then the registration of the identity the sealed pending sign-up carries. A
 * pending sign-up is spent once it passes the form's checks, so a form the user must correct can come again.
 */
final class SignupCompletion {
    private final EngineParts parts;
    private final AppSelector selector;
    private final AccountResolution resolution;
    private final SessionLifecycle sessions;

    SignupCompletion(EngineParts parts, AppSelector selector, AccountResolution resolution, SessionLifecycle sessions) {
        this.parts = parts;
        this.selector = selector;
        this.resolution = resolution;
        this.sessions = sessions;
    }

    /** Opens the sealed pending sign-up, then registers its identity with the entered details (and starts its session). */
    LoginOutcome complete(String signupToken, SignupDetails details, LoginAttempt attempt) throws ProviderException {
        PendingSignupClaims pending;
        try {
            pending = PendingSignupClaims.fromClaims(parts.seal().open(PendingSignupClaims.PURPOSE, signupToken));
        } catch (Seal.Broken | Seal.Expired e) {
            return attempt.refuse(FailureCode.SIGNUP_INVALID, "The pending sign-up token was rejected: " + e.getMessage());
        }
        attempt.scrub(pending.token().accessToken(), pending.token().refreshToken());
        // refusals name the identity and go back to where the login started; unexpected failures stay generic
        LoginAttempt about = attempt.about("provider=" + pending.routeId() + " uid=" + pending.profile().uid())
                .continuingTo(pending.next());
        return sessions.started(complete(pending, details, about), pending.routeId(), pending.appId(), pending.idpSession());
    }

    /** Registers the pending identity with the entered details, or says which rule they break. */
    private LoginOutcome complete(PendingSignupClaims pending, SignupDetails details, LoginAttempt attempt) throws ProviderException {
        if (!parts.settings().ssoEnabled()) {
            return attempt.refuse(FailureCode.SSO_DISABLED, "Sign-up completed while LOGIN_ENABLE_SSO is off");
        }
        if (parts.accounts().find(pending.routeId(), pending.profile().uid()).isPresent()) {
            return attempt.refuse(FailureCode.CALLBACK_REPLAYED, "A pending sign-up was submitted again after it created the account");
        }
        if (!Usernames.accepts(details.username())) {
            return attempt.refuse(FailureCode.SIGNUP_INVALID, "The username may only use letters, digits and _.@+- (got '"
                    + details.username() + "')");
        }
        String email = details.email();
        Optional<LoginOutcome> refused = resolution.refuseSignup(attempt, EmailAddresses.isValid(email)
                ? Optional.of(new EmailAddress(email, false, true)) : Optional.empty());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!parts.users().findByEmail(email).isEmpty()) {
            return attempt.refuse(FailureCode.EMAIL_IN_USE, "The sign-up form's email belongs to an existing user");
        }
        // consumed only now, so a form the user must correct (taken email, bad username) can be sent again
        if (!parts.singleUse().firstUse(SingleUseKey.of("pending-signup", pending.id()),
                parts.clock().instant().plus(parts.config().transactionTtl()))) {
            return attempt.refuse(FailureCode.CALLBACK_REPLAYED, "A pending sign-up was submitted twice");
        }
        return register(pending, details, attempt);
    }

    private LoginOutcome register(PendingSignupClaims pending, SignupDetails details, LoginAttempt attempt) throws ProviderException {
        // an email the IdP vouched for stays verified; one the user typed is confirmed by mail
        boolean verified = pending.profile().emails().stream().filter(e -> e.address().equalsIgnoreCase(details.email()))
                .findFirst().map(EmailAddress::verified).orElse(false);
        SelectedApp app = selector.selectById(pending.routeId(), BaseUrl.siteOf(attempt.baseUrl()), pending.appId());
        AccountResolution.Identity identity = new AccountResolution.Identity(pending.routeId(), pending.profile(), pending.token(),
                app.settings(), pending.idpSession());
        SignupDetails cleaned = new SignupDetails(Usernames.clean(details.username()), details.email(), details.firstName(),
                details.lastName());
        return resolution.register(attempt, identity, cleaned, verified, false);
    }
}
