package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Nimbus's {@code JWKSetBasedJWKSource} with two changes. The time comes from a {@link Clock}: Nimbus's caching,
 * refresh-ahead, rate-limiting and outage-tolerant layers all decide by the time they are handed, and the stock
 * source hands them {@code System.currentTimeMillis()}; with the engine's clock the cache's behaviour over an
 * hour is testable without waiting an hour. And a token naming an unknown key refreshes the set at most once per
 * window: Nimbus's rate limiter admits two downloads per window, so on its own a stream of made-up key ids
 * could still cause two per window; here they cause one, and the rest fail with Nimbus's
 * {@link RateLimitReachedException}, while logins that arrive during a refresh wait for it and use its result.
 */
final class ClockedJwkSource implements JWKSource<SecurityContext> {
    private static final long NEVER = Long.MIN_VALUE;

    private final JWKSetSource<SecurityContext> layers;
    private final Clock clock;
    private final long unknownKeyWindowMillis;
    private final Object unknownKeyLock = new Object();
    /** Guarded by {@link #unknownKeyLock}. */
    private long lastUnknownKeyRefresh = NEVER;

    ClockedJwkSource(JWKSetSource<SecurityContext> layers, Clock clock, Duration unknownKeyWindow) {
        this.layers = layers;
        this.clock = clock;
        this.unknownKeyWindowMillis = unknownKeyWindow.toMillis();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        JWKSet read = layers.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> keys = selector.select(read);
        return keys.isEmpty() ? afterUnknownKey(selector, read, now, context) : keys;
    }

    /**
     * The IdP may have rotated its keys. One login at a time decides: when another login refreshed the set since
     * this one read it (logins right after a rotation all see the new key at once), that set is used; otherwise
     * the set is downloaded again if this window has had no such download yet.
     */
    private List<JWK> afterUnknownKey(JWKSelector selector, JWKSet read, long now, SecurityContext context)
            throws KeySourceException {
        synchronized (unknownKeyLock) {
            JWKSet current = layers.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
            if (current != read) {
                return selector.select(current);
            }
            if (lastUnknownKeyRefresh != NEVER && now - lastUnknownKeyRefresh < unknownKeyWindowMillis) {
                throw new RateLimitReachedException();
            }
            lastUnknownKeyRefresh = now;
            return selector.select(layers.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(current), now, context));
        }
    }
}
