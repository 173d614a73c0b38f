package io.gatehouse.sso.spi;

import java.time.Instant;

/**
 * Remembers values that may be used only once, each until its expiry: the state of a completed login
 * callback, the id of a submitted sign-up form, a used email-confirmation link. Gatehouse asks before it
 * acts on such a value and refuses the second use. A store shared by every node (the JDBC store is)
 * makes "once" hold across nodes and restarts.
 *
 * <pre>{@code
 * if (!singleUse.firstUse("email-confirmation:" + userId + ":" + email, now.plus(Duration.ofDays(1)))) {
 *     // refused: the link was used before
 * }
 * }</pre>
 *
 * <p>What an implementation must guarantee (the {@code SingleUseValuesContract} of {@code sso-testkit} checks it):
 * <ul>
 *   <li>Among any number of concurrent calls with one value, on any number of nodes, exactly one returns true
 *       until that use expires.</li>
 *   <li>Values are compared exactly (case matters). Gatehouse's values are no secrets (a purpose prefix and a
 *       digest or an id) and are at most {@value #MAX_LENGTH} characters long.</li>
 *   <li>Once {@code expiresAt} has passed the value may be forgotten, and a later call with it is a first use
 *       again; a refused call does not extend the expiry. So a call with an expiry already past (Gatehouse passes
 *       the epoch) answers whether the value is in use without leaving a use behind.</li>
 *   <li>Forgetting expired values must never hold up a call (no table lock).</li>
 * </ul>
 */
public interface SingleUseValues {

    /** The longest value Gatehouse passes. */
    int MAX_LENGTH = 600;

    /**
     * Records the use of {@code value} until {@code expiresAt}.
     *
     * @return true when this is the first use of the value (or the earlier use has expired); false when the
     *         value was used before and that use has not expired
     */
    boolean firstUse(String value, Instant expiresAt);
}
