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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nimbus's {@code JWKSetBasedJWKSource} with two changes. The time comes from a {@link Clock}: Nimbus's caching,
 * refresh-ahead, rate-limiting and outage-tolerant layers all decide by the time they are handed, and the stock
 * source hands them {@code System.currentTimeMillis()}; with the engine's clock the cache's behaviour over an
 * hour is testable without waiting an hour. And a token naming an unknown key refreshes the set at most once per
 * window: Nimbus's rate limiter admits two downloads per window, so on its own a stream of made-up key ids
 * could still cause two per window; here they cause one, and the rest fail at once with Nimbus's
 * {@link RateLimitReachedException}.
 */
final class ClockedJwkSource implements JWKSource<SecurityContext> {
    private static final long NEVER = Long.MIN_VALUE;

    private final JWKSetSource<SecurityContext> layers;
    private final Clock clock;
    private final long unknownKeyWindowMillis;
    private final AtomicLong lastUnknownKeyRefresh = new AtomicLong(NEVER);

    ClockedJwkSource(JWKSetSource<SecurityContext> layers, Clock clock, Duration unknownKeyWindow) {
        this.layers = layers;
        this.clock = clock;
        this.unknownKeyWindowMillis = unknownKeyWindow.toMillis();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        JWKSet cached = layers.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> keys = selector.select(cached);
        if (keys.isEmpty()) {
            // an unknown key: the IdP may have rotated, so refresh, unless another login already did
            // since this set was read (then Nimbus returns that set without a download)
            if (!mayRefreshForUnknownKey(now)) {
                throw new RateLimitReachedException();
            }
            keys = selector.select(layers.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now, context));
        }
        return keys;
    }

    private boolean mayRefreshForUnknownKey(long now) {
        long last = lastUnknownKeyRefresh.get();
        if (last != NEVER && now - last < unknownKeyWindowMillis) {
            return false;
        }
        return lastUnknownKeyRefresh.compareAndSet(last, now);
    }
}
