package io.gatehouse.sso.core;

import io.gatehouse.sso.core.transaction.TransactionCookie;

import java.net.URI;
import java.util.Objects;

/**
 * What a step of signing out decided. The host has already ended its own session; adapters branch on the kind:
 *
 * <pre>{@code
 * LogoutOutcome outcome = engine.sessions().beginLogout(sessionId, "/", baseUrl);
 * if (outcome instanceof LogoutOutcome.Redirect r) {
 *     setCookie(r.cookie());
 *     redirect(r.location());          // the IdP's end_session_endpoint
 * } else {
 *     redirect(outcome.next());         // Done, or Failed (shown first)
 * }
 * }</pre>
 */
public sealed interface LogoutOutcome {

    /**
     * Where the user goes afterwards: always a same-origin path.
     *
     * @return a same-origin path such as {@code /}; never an absolute URL
     */
    String next();

    /**
     * Send the browser to the IdP's {@code end_session_endpoint}, with the cookie that binds its answer to this
     * browser.
     *
     * @param location the URL to redirect the browser to (at the IdP)
     * @param cookie   the transaction cookie to set with the redirect
     * @param next     where the user goes once back
     */
    record Redirect(URI location, TransactionCookie cookie, String next) implements LogoutOutcome {
        /**
         * Requires the location and the cookie.
         *
         * @param location the URL to redirect the browser to (at the IdP)
         * @param cookie   the transaction cookie to set with the redirect
         * @param next     where the user goes once back
         */
        public Redirect {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(cookie, "cookie");
        }

        @Override
        public String toString() {
            // the location carries the ID token as id_token_hint
            return "LogoutOutcome.Redirect[next=" + next + "]";
        }
    }

    /**
     * Signed out; nothing more to do at the IdP.
     *
     * @param next where the user goes afterwards
     */
    record Done(String next) implements LogoutOutcome {
    }

    /**
     * A step was refused (the local session is ended all the same); the error-log record has the details.
     *
     * @param failure the code and message to show, with the error-log record's id
     * @param next    where the user goes after reading the message
     */
    record Failed(LoginFailure failure, String next) implements LogoutOutcome {
    }
}
