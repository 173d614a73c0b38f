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

    /** Where the user goes afterwards: always a same-origin path. */
    String next();

    /** Send the browser to the IdP's {@code end_session_endpoint}, with the cookie that binds its answer to this browser. */
    record Redirect(URI location, TransactionCookie cookie, String next) implements LogoutOutcome {
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

    /** Signed out; nothing more to do at the IdP. */
    record Done(String next) implements LogoutOutcome {
    }

    /** A step was refused (the local session is ended all the same); the error-log record has the details. */
    record Failed(LoginFailure failure, String next) implements LogoutOutcome {
    }
}
