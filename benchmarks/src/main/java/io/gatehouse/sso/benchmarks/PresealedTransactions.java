package io.gatehouse.sso.benchmarks;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;

import java.time.Clock;
import java.time.Duration;

/**
 * Seals login transactions the way {@link LoginEngine#beginLogin} does, but with a nonce the caller chooses,
 * so one pre-signed ID token can complete any number of callbacks. Benchmarks need this: every callback
 * needs a fresh state (the engine refuses a replayed one), while signing a new token per login would cost
 * far more than validating it and swamp what is being measured.
 *
 * <p>The cookie is sealed by the engine's own code ({@link LoginTransaction#sealWith}), not a copy of its
 * claim layout that could silently drift.
 *
 * <pre>{@code
 * PresealedTransactions tx = new PresealedTransactions(key, Duration.ofMinutes(10));
 * TransactionCookie cookie = tx.seal(state, nonce, verifier, "openid_connect", appId);
 * }</pre>
 */
public final class PresealedTransactions {
    private final Seal seal;
    private final Duration ttl;
    private final Clock clock;

    /** @param key the engine's {@code transaction_key} (32 bytes), so the engine can open what this seals */
    public PresealedTransactions(byte[] key, Duration ttl) {
        this.clock = Clock.systemUTC();
        this.seal = new Seal(key, clock);
        this.ttl = ttl;
    }

    /** The cookie the engine would have set for a login with these values (process LOGIN, next "/"). */
    public TransactionCookie seal(String state, String nonce, String codeVerifier, String routeId, String appId) {
        LoginTransaction tx = new LoginTransaction(state, nonce, codeVerifier, routeId, appId, AuthProcess.LOGIN, "/", null,
                clock.instant());
        String sealed = tx.sealWith(seal, ttl);
        return new TransactionCookie(TransactionCookie.nameFor(state), sealed, "/accounts/", ttl, false, "Lax");
    }
}
