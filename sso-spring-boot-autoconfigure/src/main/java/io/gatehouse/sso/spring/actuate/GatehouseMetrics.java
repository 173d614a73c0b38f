package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.spi.GroupChange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Objects;

/**
 * Gatehouse's Micrometer meters:
 * <ul>
 *   <li>{@value #SIGN_INS} (counter) and {@value #CALLBACK_DURATION} (timer): every IdP callback, tagged
 *       {@code provider} and {@code outcome} ({@code signed_in}, {@code connected}, {@code pending_signup},
 *       {@code awaiting_verification}, or the failure code such as {@code state_mismatch});</li>
 *   <li>{@value #TOKEN_REFRESHES} (counter, tags {@code provider}, {@code outcome}): for the token refresh
 *       feature to report through {@link #tokenRefreshed};</li>
 *   <li>{@value #GROUP_CHANGES} (counter, tag {@code change}: {@code added}, {@code removed}, {@code created}):
 *       group memberships changed (by group sync at login, or by any other caller of the group store).</li>
 * </ul>
 *
 * <pre>{@code
 * metrics.tokenRefreshed("keycloak", "refreshed");
 * }</pre>
 */
public final class GatehouseMetrics {
    /** Counter of IdP callbacks, tagged {@code provider} and {@code outcome}. */
    public static final String SIGN_INS = "gatehouse.sign.ins";
    /** Timer of IdP callbacks, tagged {@code provider} and {@code outcome}. */
    public static final String CALLBACK_DURATION = "gatehouse.callback.duration";
    /** Counter of access-token refreshes, tagged {@code provider} and {@code outcome}. */
    public static final String TOKEN_REFRESHES = "gatehouse.token.refreshes";
    /** Counter of group membership changes, tagged {@code change}. */
    public static final String GROUP_CHANGES = "gatehouse.group.changes";

    private final MeterRegistry registry;

    /**
     * Meters registered in this registry.
     *
     * @param registry the application's meter registry
     */
    public GatehouseMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * One callback answered with {@code outcome} (null when the route failed before the engine answered).
     *
     * @param provider the provider route id (a known one, or {@code other})
     * @param outcome the engine's answer, or null
     * @param took how long the callback took
     */
    public void callback(String provider, LoginOutcome outcome, Duration took) {
        String code = outcomeCode(outcome);
        registry.counter(SIGN_INS, "provider", provider, "outcome", code).increment();
        Timer.builder(CALLBACK_DURATION).description("Time to answer an identity provider's callback")
                .tags("provider", provider, "outcome", code).register(registry).record(took);
    }

    /**
     * One access-token refresh of an identity at {@code provider}, e.g. outcome {@code refreshed} or a failure code.
     *
     * @param provider the provider route id
     * @param outcome {@code refreshed} or a failure code
     */
    public void tokenRefreshed(String provider, String outcome) {
        registry.counter(TOKEN_REFRESHES, "provider", provider, "outcome", outcome).increment();
    }

    /**
     * What one group-store change did.
     *
     * @param change what the store added, created and removed
     */
    public void groupsChanged(GroupChange change) {
        count("added", change.added().size());
        count("removed", change.removed().size());
        count("created", change.created().size());
    }

    private void count(String change, int amount) {
        if (amount > 0) {
            registry.counter(GROUP_CHANGES, "change", change).increment(amount);
        }
    }

    /** The stable tag value of an outcome. */
    static String outcomeCode(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.Failed failed) {
            return failed.failure().code().code();
        }
        if (outcome instanceof LoginOutcome.SignedIn) {
            return "signed_in";
        }
        if (outcome instanceof LoginOutcome.Connected) {
            return "connected";
        }
        if (outcome instanceof LoginOutcome.PendingSignup) {
            return "pending_signup";
        }
        if (outcome instanceof LoginOutcome.AwaitingVerification) {
            return "awaiting_verification";
        }
        return outcome == null ? "internal_error" : "other";
    }
}
