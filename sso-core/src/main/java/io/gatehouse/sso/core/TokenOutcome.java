package io.gatehouse.sso.core;

import java.time.Instant;
import java.util.Objects;

/**
 * What asking for a user's access token at a provider gave.
 *
 * <pre>{@code
 * TokenOutcome t = engine.tokens().current(user.id(), "keycloak", baseUrl);
 * if (t instanceof TokenOutcome.Current c) {
 *     callApi("Bearer " + c.accessToken());
 * } else if (t instanceof TokenOutcome.Failed f && f.failure().code() == FailureCode.REFRESH_REVOKED) {
 *     // the user must sign in with the provider again
 * }
 * }</pre>
 */
public sealed interface TokenOutcome {

    /**
     * A valid access token.
     *
     * @param accessToken the token (a credential: {@link #toString()} hides it)
     * @param expiresAt   its expiry, or null when the IdP did not say
     * @param refreshed   true when this call (or a concurrent one) just renewed it
     */
    record Current(String accessToken, Instant expiresAt, boolean refreshed) implements TokenOutcome {
        public Current {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public String toString() {
            return "TokenOutcome.Current[accessToken=(redacted), expiresAt=" + expiresAt + ", refreshed=" + refreshed + "]";
        }
    }

    /** No valid token could be had; the error-log record has the details. */
    record Failed(LoginFailure failure) implements TokenOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
