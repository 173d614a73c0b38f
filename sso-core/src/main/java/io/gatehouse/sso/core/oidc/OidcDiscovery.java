package io.gatehouse.sso.core.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.http.IdpHttpClient;
import io.gatehouse.sso.core.provider.ProviderException;
import net.minidev.json.JSONObject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenID Connect discovery (OIDC Discovery 1.0 section 4): fetches a provider's metadata through the shared
 * {@link IdpHttpClient}, checks that it declares the configured issuer (section 4.3) and names a token
 * endpoint and a JWKS, and caches it for an hour per document, so logins do not fetch it again.
 *
 * <pre>{@code
 * OIDCProviderMetadata md = discovery.discover(OidcDiscovery.discoveryUrl("https://sso.example.com/realms/main"),
 *         "https://sso.example.com/realms/main");
 * }</pre>
 */
public final class OidcDiscovery {
    static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final Duration METADATA_TTL = Duration.ofHours(1);

    private record Cached(OIDCProviderMetadata metadata, Instant fetched) {
    }

    private final IdpHttpClient http;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    /**
     * A discovery client over the shared HTTP client; documents are cached by the clock.
     *
     * @param http the HTTP client
     * @param clock the time of the cache's expiry
     */
    public OidcDiscovery(IdpHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * The discovery URL for an issuer or server URL; a URL that already ends in the well-known path is kept.
     *
     * @param issuerOrServerUrl e.g. {@code https://idp.example.com/realms/main}
     * @return e.g. {@code https://idp.example.com/realms/main/.well-known/openid-configuration}
     */
    public static URI discoveryUrl(String issuerOrServerUrl) {
        String base = issuerOrServerUrl.trim();
        if (base.endsWith(WELL_KNOWN)) {
            return URI.create(base);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + WELL_KNOWN);
    }

    /**
     * Fetches (or returns the cached) provider metadata.
     *
     * @param expectedIssuer the issuer the document must declare, or null to skip that check (for IdPs
     *                       such as Microsoft's multi-tenant endpoints whose document holds a template)
     * @param discoveryUrl the document's URL
     * @throws ProviderException {@link FailureCode#ISSUER_MISMATCH} for another issuer,
     *                           {@link FailureCode#IDP_RESPONSE_INVALID} for a document that is not usable metadata
     * @return the metadata
     */
    public OIDCProviderMetadata discover(URI discoveryUrl, String expectedIssuer) throws ProviderException {
        Cached cached = cache.get(discoveryUrl);
        if (cached != null && cached.fetched().plus(METADATA_TTL).isAfter(clock.instant())) {
            return cached.metadata();
        }
        HTTPResponse response = http.send(new HTTPRequest(HTTPRequest.Method.GET, discoveryUrl), "discovery document");
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The discovery document at " + discoveryUrl
                    + " answered HTTP " + response.getStatusCode());
        }
        OIDCProviderMetadata md;
        try {
            md = OIDCProviderMetadata.parse(withParsableIssuer(response.getBodyAsJSONObject()));
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The discovery document at " + discoveryUrl
                    + " is not valid OpenID Connect metadata: " + e.getMessage(), e);
        }
        if (expectedIssuer != null && !sameIssuer(md.getIssuer().getValue(), expectedIssuer)) {
            throw new ProviderException(FailureCode.ISSUER_MISMATCH, "The discovery document at " + discoveryUrl
                    + " declares issuer '" + md.getIssuer() + "' but '" + expectedIssuer + "' is configured");
        }
        if (md.getTokenEndpointURI() == null || md.getJWKSetURI() == null) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The discovery document at " + discoveryUrl
                    + " lacks token_endpoint or jwks_uri");
        }
        cache.put(discoveryUrl, new Cached(md, clock.instant()));
        return md;
    }

    /**
     * Microsoft's multi-tenant documents ({@code /common}, {@code /organizations}) declare a template issuer,
     * {@code https://login.microsoftonline.com/{tenantid}/v2.0}, which is not a URI, so Nimbus refuses the whole
     * document. The braces are percent-encoded ({@code %7Btenantid%7D}) so the rest can be used; no token ever
     * carries that issuer, so a provider whose document has one must name the real issuer in its {@link IssuerRule}.
     */
    private static JSONObject withParsableIssuer(JSONObject document) {
        if (document.get("issuer") instanceof String issuer && (issuer.contains("{") || issuer.contains("}"))) {
            JSONObject copy = new JSONObject(document);
            copy.put("issuer", issuer.replace("{", "%7B").replace("}", "%7D"));
            return copy;
        }
        return document;
    }

    /** The configured issuer may differ from the declared one by a trailing slash (a common admin typo). */
    private static boolean sameIssuer(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
