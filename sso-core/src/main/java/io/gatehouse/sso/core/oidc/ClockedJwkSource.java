package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.time.Clock;
import java.util.List;

/**
 * Nimbus's {@code JWKSetBasedJWKSource} with the time taken from a {@link Clock}: Nimbus's caching, refresh-ahead,
 * rate-limiting and outage-tolerant layers all decide by the time they are handed, and the stock source hands
 * them {@code System.currentTimeMillis()}. With the engine's clock the cache's behaviour over an hour can be
 * tested without waiting an hour.
 */
final class ClockedJwkSource implements JWKSource<SecurityContext> {
    private final JWKSetSource<SecurityContext> layers;
    private final Clock clock;

    ClockedJwkSource(JWKSetSource<SecurityContext> layers, Clock clock) {
        this.layers = layers;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        JWKSet cached = layers.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> keys = selector.select(cached);
        if (keys.isEmpty()) {
            // an unknown key: the IdP may have rotated, so refresh once, unless another login already did
            // since this set was read (the rate limiter bounds how often this reaches the IdP)
            keys = selector.select(layers.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now, context));
        }
        return keys;
    }
}
