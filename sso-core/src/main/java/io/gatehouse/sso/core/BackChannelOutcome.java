package io.gatehouse.sso.core;

import java.util.Objects;

/**
 * What a back-channel logout request came to. Per OpenID Connect Back-Channel Logout 1.0 section 2.8, an adapter
 * answers {@code 200} to {@link Accepted} and {@code 400} with a JSON error to {@link Refused}.
 *
 * <pre>{@code
 * BackChannelOutcome outcome = engine.sessions().backChannelLogout("keycloak", params, baseUrl);
 * response.setStatus(outcome instanceof BackChannelOutcome.Accepted ? 200 : 400);
 * }</pre>
 */
public sealed interface BackChannelOutcome {

    /**
     * The logout token was valid and named sessions of this application.
     *
     * @param sessionsEnded how many live sessions it ended now (0 when they had all ended before)
     */
    record Accepted(int sessionsEnded) implements BackChannelOutcome {
    }

    /** The logout token was refused; nothing was ended. */
    record Refused(LoginFailure failure) implements BackChannelOutcome {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
