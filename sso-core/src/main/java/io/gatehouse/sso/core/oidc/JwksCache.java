package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.http.IdpHttpClient;
import io.gatehouse.sso.core.http.ResponseTooLargeException;
import io.gatehouse.sso.core.provider.ProviderException;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IdPs' published signing keys, one Nimbus JWK source per {@code jwks_uri} shared by every login, downloaded
 * through the shared {@link IdpHttpClient}: cached for {@link #TIME_TO_LIVE}, refreshed {@link #REFRESH_AHEAD}
 * before that runs out (so no login waits for the download), refreshed when a token names an unknown key (how a
 * rotation is picked up) but at most once per {@link #RATE_LIMIT}, and kept for {@link #OUTAGE_TOLERANCE} while
 * the endpoint is down. Time comes from the given clock.
 *
 * <pre>{@code
 * JWSKeySelector<SecurityContext> keys = jwksCache.keySelector(metadata.getJWKSetURI(), Set.of(JWSAlgorithm.RS256));
 * }</pre>
 */
public final class JwksCache {
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);
    public static final Duration REFRESH_AHEAD = Duration.ofMillis(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME);
    public static final Duration RATE_LIMIT = Duration.ofMillis(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL);
    public static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

    private record Selection(URI jwksUri, Set<JWSAlgorithm> algorithms) {
    }

    private final IdpHttpClient http;
    private final Clock clock;
    private final Map<URI, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final Map<Selection, JWSKeySelector<SecurityContext>> selectors = new ConcurrentHashMap<>();

    public JwksCache(IdpHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * The key selector for tokens of the IdP with this {@code jwks_uri}, signed with one of these algorithms.
     *
     * @throws ProviderException {@link FailureCode#IDP_RESPONSE_INVALID} when the {@code jwks_uri} is no URL
     */
    public JWSKeySelector<SecurityContext> keySelector(URI jwksUri, Set<JWSAlgorithm> algorithms) throws ProviderException {
        JWSKeySelector<SecurityContext> known = selectors.get(new Selection(jwksUri, algorithms));
        if (known != null) {
            return known;
        }
        URL url = url(jwksUri);
        return selectors.computeIfAbsent(new Selection(jwksUri, Set.copyOf(algorithms)),
                s -> new CachingKeySelector(s.algorithms(), sources.computeIfAbsent(jwksUri, u -> source(url))));
    }

    private JWKSource<SecurityContext> source(URL url) {
        JWKSource<SecurityContext> built = JWKSourceBuilder.<SecurityContext>create(url, http.resourceRetriever())
                .cache(TIME_TO_LIVE.toMillis(), http.deadline().toMillis())
                .refreshAheadCache(REFRESH_AHEAD.toMillis(), true)
                .rateLimited(RATE_LIMIT.toMillis())
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .build();
        if (!(built instanceof JWKSetBasedJWKSource<SecurityContext> layered)) {
            throw new IllegalStateException("Nimbus built a " + built.getClass().getName() + " for " + url);
        }
        return new ClockedJwkSource(layered.getJWKSetSource(), clock, RATE_LIMIT);
    }

    private static URL url(URI jwksUri) throws ProviderException {
        try {
            return jwksUri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The IdP's jwks_uri is not a URL: " + jwksUri, e);
        }
    }

    /**
     * What a key problem means for a login: a token signed with a key the IdP does not publish is a bad signature;
     * a key set that cannot be downloaded is an unreachable IdP; one that is too large or not a JWKS is an invalid
     * answer. Decided by the exception's type (and its causes' types), never by its text.
     *
     * @param token what was being verified, e.g. "ID token"
     */
    static ProviderException failure(KeySourceException e, String token) {
        return failure(e, token, FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    /** As {@link #failure(KeySourceException, String)}, with the code a bad signature of this kind of token has. */
    static ProviderException failure(KeySourceException e, String token, FailureCode badSignature) {
        if (e instanceof UnknownSigningKeyException) {
            return new ProviderException(badSignature, token + " rejected: " + e.getMessage(), e);
        }
        if (e instanceof RateLimitReachedException) {
            return new ProviderException(badSignature, token + " rejected: no published key "
                    + "matches it, and the IdP's key set was refreshed moments ago (refreshes are rate limited)", e);
        }
        if (causedBy(e, ResponseTooLargeException.class) || causedBy(e, JWKSetParseException.class)) {
            return new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The IdP's key set (jwks_uri) is not usable, so "
                    + "the " + token + " cannot be verified: " + explain(e), e);
        }
        return new ProviderException(FailureCode.IDP_UNREACHABLE, "The IdP's key set (jwks_uri) could not be fetched, so "
                + "the " + token + " cannot be verified: " + explain(e), e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
    }
}
