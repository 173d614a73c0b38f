package io.gatehouse.sso.core;

import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.User;

import java.net.URI;
import java.util.Objects;

/**
 * What a step of the login flow decided. Adapters branch on its kind:
 *
 * <pre>{@code
 * LoginOutcome outcome = engine.completeLogin(provider, callback);
 * if (outcome instanceof LoginOutcome.SignedIn s) {
 *     sessionBinder.signIn(request, response, s.user());
 *     redirect(s.next());
 * } else if (outcome instanceof LoginOutcome.Failed f) {
 *     showError(f.failure());
 * } // ... Redirect, Connected, PendingSignup, AwaitingVerification, EmailConfirmed
 * }</pre>
 */
public sealed interface LoginOutcome {

    /** Where the user goes afterwards: always a same-origin path. */
    String next();

    /** Begin login: send the browser to the IdP and set the transaction cookie. */
    record Redirect(URI location, TransactionCookie cookie, String next) implements LoginOutcome {
        public Redirect {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(cookie, "cookie");
        }
    }

    /**
     * The user is identified: the host signs them in, and keeps {@code sessionId} with its session so that the
     * session can be ended later ({@link SessionLifecycle}: sign-out at the IdP, back-channel logout).
     * {@code account} is the identity's link; it is null when the user signed in by email without the identity being
     * linked (the provider setting {@code EMAIL_AUTHENTICATION} without {@code EMAIL_AUTHENTICATION_AUTO_CONNECT}).
     *
     * @param sessionId the sign-in session's id in the {@link io.gatehouse.sso.spi.SessionRegistry}, or null when
     *                  none was started (outcomes built outside the engine)
     */
    record SignedIn(User user, SocialAccount account, boolean newUser, String next, String sessionId) implements LoginOutcome {

        /** A sign-in without a registered session. */
        public SignedIn(User user, SocialAccount account, boolean newUser, String next) {
            this(user, account, newUser, next, null);
        }

        @Override
        public String toString() {
            return "SignedIn[user=" + user + ", account=" + account + ", newUser=" + newUser + ", next=" + next
                    + ", session=" + (sessionId != null) + "]";
        }
    }

    /** The identity was linked to the signed-in user. */
    record Connected(User user, SocialAccount account, String next) implements LoginOutcome {
    }

    /**
     * Auto-fill is off: show a sign-up form pre-filled with {@code suggested}, then call
     * {@link LoginEngine#completeSignup} with {@code signupToken} (sealed; expires with the transaction).
     */
    record PendingSignup(String signupToken, SignupDetails suggested, String providerName, String next)
            implements LoginOutcome {
        @Override
        public String toString() {
            return "PendingSignup[suggested=" + suggested + ", providerName=" + providerName + ", next=" + next + "]";
        }
    }

    /** The account was created inactive and a verification mail was sent (or its failure logged). */
    record AwaitingVerification(User user, boolean mailSent, String next) implements LoginOutcome {
    }

    /**
     * A confirmation link activated the account. This is not a sign-in: the link may have been forwarded
     * or opened on another device, so an adapter signs the user in only when the same browser session
     * created the account.
     */
    record EmailConfirmed(User user, String next) implements LoginOutcome {
    }

    /** The login failed; nothing was persisted but the error-log record. */
    record Failed(LoginFailure failure, String next) implements LoginOutcome {
    }
}
