package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.SignupDetails;

import java.io.Serializable;

/**
 * A pending sign-up waiting for the user's form, kept in the HTTP session between the callback and the
 * form's POST. The session, not a cookie: the sealed token carries the IdP profile and tokens and can
 * outgrow a browser's 4 KB cookie limit; and not the URL, where it would land in logs and history.
 * Serializable so clustered session stores can keep it.
 */
record PendingSignupForm(String token, String username, String email, String firstName, String lastName,
                         String providerName, String next) implements Serializable {
    static final String ATTRIBUTE = "io.gatehouse.sso.pendingSignup";

    static PendingSignupForm of(LoginOutcome.PendingSignup pending) {
        SignupDetails s = pending.suggested();
        return new PendingSignupForm(pending.signupToken(), s.username(), s.email(), s.firstName(), s.lastName(),
                pending.providerName(), pending.next());
    }

    SignupDetails suggested() {
        return new SignupDetails(username, email, firstName, lastName);
    }

    @Override
    public String toString() {
        return "PendingSignupForm[provider=" + providerName + ", username=" + username + "]";
    }
}
