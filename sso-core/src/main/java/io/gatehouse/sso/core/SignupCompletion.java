package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.EmailAddresses;

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

    SignupCompletion(EngineParts parts, AppSelector selector, AccountResolution resolution) {
        this.parts = parts;
        this.selector = selector;
        this.resolution = resolution;
    }

    /** Registers the pending identity with the entered details, or says which rule they break. */
    LoginOutcome complete(PendingSignupClaims pending, SignupDetails details, LoginAttempt attempt) throws ProviderException {
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
                app.settings());
        SignupDetails cleaned = new SignupDetails(Usernames.clean(details.username()), details.email(), details.firstName(),
                details.lastName());
        return resolution.register(attempt, identity, cleaned, verified, false);
    }
}
