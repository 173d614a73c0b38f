package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderHttp;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import net.minidev.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenID Connect relying party every OIDC provider shares, built on Nimbus: discovery (cached),
 * authorization requests with state, nonce and PKCE S256, the code exchange, ID token validation
 * against a JWKS source that is cached, refreshed ahead, rate limited and outage tolerant (one per
 * {@code jwks_uri}, shared across logins; an unknown {@code kid} triggers one rate-limited refresh, which
 * is how key rotation is picked up), and userinfo with its {@code sub} checked.
 *
 * <pre>{@code
 * OpenIdConnect oidc = new OpenIdConnect(new ProviderHttp(Duration.ofSeconds(5), ProviderHttp.DEFAULT_MAX_BODY_BYTES), Clock.systemUTC());
 * OIDCProviderMetadata md = oidc.discover(URI.create("https://sso.example.com/realms/main"), "https://sso.example.com/realms/main");
 * URI redirect = oidc.authorizationUri(md, app, callback, params, List.of("openid", "email"), Map.of());
 * }</pre>
 */
public final class OpenIdConnect {
    private static final Logger LOG = LoggerFactory.getLogger(OpenIdConnect.class);
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    /** Asymmetric algorithms only: never {@code none}, never HMAC (which would let a public key act as a shared secret). */
    private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final Set<String> RESERVED_PARAMS = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method");
    private static final Duration METADATA_TTL = Duration.ofHours(1);
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private record CachedMetadata(OIDCProviderMetadata metadata, Instant fetched) {
    }

    private final ProviderHttp http;
    private final Clock clock;
    private final Map<URI, CachedMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<URI, JWKSource<SecurityContext>> jwkSources = new ConcurrentHashMap<>();

    public OpenIdConnect(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    public ProviderHttp http() {
        return http;
    }

    /** The discovery URL for an issuer or server URL; a URL that already ends in the well-known path is kept. */
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
     */
    public OIDCProviderMetadata discover(URI discoveryUrl, String expectedIssuer) throws ProviderException {
        CachedMetadata cached = metadata.get(discoveryUrl);
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
        metadata.put(discoveryUrl, new CachedMetadata(md, clock.instant()));
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

    private static boolean sameIssuer(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The authorization URL: response type code, the scope ({@code openid} added when missing), state,
     * nonce, PKCE S256 when a verifier is given, and extra parameters (reserved ones are ignored with a warning).
     */
    public URI authorizationUri(URI authorizationEndpoint, SocialApp app, URI callback, AuthorizationParams params,
                                List<String> scope, Map<String, String> extraParams) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        scopes.addAll(scope);
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(scopes.toArray(String[]::new)), new ClientID(app.clientId()), callback)
                .endpointURI(authorizationEndpoint)
                .state(new State(params.state()))
                .nonce(new Nonce(params.nonce()));
        if (params.codeVerifier() != null) {
            builder.codeChallenge(new CodeVerifier(params.codeVerifier()), CodeChallengeMethod.S256);
        }
        extraParams.forEach((k, v) -> {
            if (RESERVED_PARAMS.contains(k)) {
                LOG.warn("AUTH_PARAMS of '{}' sets reserved parameter '{}'; ignored", app.name(), k);
            } else {
                builder.customParameter(k, v);
            }
        });
        return builder.build().toURI();
    }

    /**
     * Exchanges the code at the token endpoint and validates the ID token.
     *
     * @throws ProviderException typed: token endpoint refusal, unreachable IdP, invalid answer, or an ID token failure
     */
    public OidcTokens exchange(OIDCProviderMetadata md, SocialApp app, ProviderSettings settings, URI callback,
                               CodeExchange exchange, IssuerRule issuerRule) throws ProviderException {
        ClientAuthentication auth = clientAuthentication(md, app, settings);
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()), callback,
                exchange.codeVerifier() == null ? null : new CodeVerifier(exchange.codeVerifier()));
        HTTPRequest request = new TokenRequest.Builder(md.getTokenEndpointURI(), auth, grant).build().toHTTPRequest();
        HTTPResponse response = http.send(request, "token endpoint");
        OIDCTokens tokens = parseTokenResponse(response, md.getTokenEndpointURI());
        if (tokens.getIDToken() == null) {
            throw new ProviderException(FailureCode.ID_TOKEN_INVALID, "The token endpoint answered without an id_token "
                    + "(is the 'openid' scope allowed for this client?)");
        }
        IDTokenClaimsSet claims = validateIdToken(md, app.clientId(), tokens.getIDToken(), exchange.nonce(), issuerRule);
        return new OidcTokens(claims.getSubject().getValue(), new LinkedHashMap<>(claims.toJSONObject()),
                tokens.getAccessToken(), socialToken(tokens.getAccessToken(), tokens.getRefreshToken()));
    }

    /** The token to store, with an absolute expiry. */
    public SocialToken socialToken(AccessToken access, RefreshToken refresh) {
        Instant expires = access.getLifetime() > 0 ? clock.instant().plusSeconds(access.getLifetime()) : null;
        return new SocialToken(access.getValue(), refresh == null ? null : refresh.getValue(), expires);
    }

    private static ClientAuthentication clientAuthentication(OIDCProviderMetadata md, SocialApp app, ProviderSettings settings)
            throws ProviderException {
        ClientID id = new ClientID(app.clientId());
        Secret secret = new Secret(app.secret());
        String method = settings.string("token_auth_method").orElse("").toLowerCase(Locale.ROOT);
        if (method.isEmpty()) {
            List<ClientAuthenticationMethod> supported = md.getTokenEndpointAuthMethods();
            boolean basic = supported == null || supported.isEmpty() || supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            method = basic || !supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST) ? "client_secret_basic" : "client_secret_post";
        }
        return switch (method) {
            case "client_secret_basic" -> new ClientSecretBasic(id, secret);
            case "client_secret_post" -> new ClientSecretPost(id, secret);
            default -> throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + app.name()
                    + "': token_auth_method must be client_secret_basic or client_secret_post, not '" + method + "'");
        };
    }

    private static OIDCTokens parseTokenResponse(HTTPResponse response, URI endpoint) throws ProviderException {
        String what = "The token endpoint " + endpoint.getScheme() + "://" + endpoint.getAuthority() + endpoint.getPath();
        if (response.getStatusCode() == 200) {
            try {
                var parsed = OIDCTokenResponseParser.parse(response);
                if (parsed.indicatesSuccess()) {
                    return ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens();
                }
                throw refused(what, response.getStatusCode(), parsed.toErrorResponse().getErrorObject());
            } catch (ParseException e) {
                // GitHub-style "200 with an error field" is parsed as an error above; this is garbage
                throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, what + " answered HTTP 200 with a body that "
                        + "is not a token response (" + describe(response) + ")", e);
            }
        }
        try {
            TokenErrorResponse error = TokenErrorResponse.parse(response);
            throw refused(what, response.getStatusCode(), error.getErrorObject());
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.TOKEN_EXCHANGE_FAILED, what + " answered HTTP "
                    + response.getStatusCode() + " (" + describe(response) + ")", e);
        }
    }

    private static ProviderException refused(String what, int status, ErrorObject error) {
        String code = error == null || error.getCode() == null ? "unknown" : error.getCode();
        String description = error == null || error.getDescription() == null ? "" : ": " + error.getDescription();
        return new ProviderException(FailureCode.TOKEN_EXCHANGE_FAILED, what + " refused the code (HTTP " + status
                + ") with error=" + code + description);
    }

    private static String describe(HTTPResponse response) {
        String type = response.getHeaderValue("Content-Type");
        String body = response.getBody();
        return (type == null ? "no content type" : type) + ", " + (body == null ? 0 : body.length()) + " characters";
    }

    /**
     * Validates an ID token: asymmetric signature against the IdP's JWKS, issuer, audience (and
     * {@code azp} with several audiences), expiry and issue time with bounded clock skew, nonce, and {@code sub}.
     */
    public IDTokenClaimsSet validateIdToken(OIDCProviderMetadata md, String clientId, JWT idToken, String nonce,
                                            IssuerRule issuerRule) throws ProviderException {
        if (idToken instanceof PlainJWT || !(idToken instanceof SignedJWT signed)) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The ID token is not signed (alg "
                    + idToken.getHeader().getAlgorithm() + "); unsigned and encrypted-only ID tokens are refused");
        }
        Set<JWSAlgorithm> algorithms = allowedAlgorithms(md);
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The ID token is signed with " + alg
                    + ", which is not allowed; allowed: " + algorithms);
        }
        JWTClaimsSet unverified;
        try {
            unverified = signed.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new ProviderException(FailureCode.ID_TOKEN_INVALID, "The ID token's claims are not valid JSON", e);
        }
        Issuer issuer = issuerRule.expectedFor(unverified);
        IDTokenValidator validator = new IDTokenValidator(issuer, new ClientID(clientId),
                new JWSVerificationKeySelector<>(algorithms, jwkSource(md.getJWKSetURI())), null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException | JOSEException e) {
            throw idTokenFailure(e);
        }
        if (String.valueOf(claims.getClaim("sub")).isBlank()) {
            // Nimbus checks that sub is present, not that it is usable; getSubject() would throw on a blank one
            throw new ProviderException(FailureCode.ID_TOKEN_INVALID, "ID token rejected: its subject (sub) is blank");
        }
        checkAuthorizedParty(claims, clientId);
        return claims;
    }

    /**
     * OIDC Core 3.1.3.7 items 4 and 5, which Nimbus's IDTokenClaimsVerifier does not enforce (it parses
     * {@code azp} but never compares it): several audiences need an {@code azp}, and an {@code azp} must be us.
     */
    private static void checkAuthorizedParty(IDTokenClaimsSet claims, String clientId) throws ProviderException {
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp.toString())) {
            throw new ProviderException(FailureCode.AUDIENCE_MISMATCH, "ID token rejected: its authorized party (azp) is '"
                    + azp + "', not this client");
        }
        if (azp == null && claims.getAudience().size() > 1) {
            throw new ProviderException(FailureCode.AUDIENCE_MISMATCH, "ID token rejected: it has several audiences "
                    + claims.getAudience() + " and no authorized party (azp)");
        }
    }

    private static Set<JWSAlgorithm> allowedAlgorithms(OIDCProviderMetadata md) {
        List<JWSAlgorithm> advertised = md.getIDTokenJWSAlgs();
        Set<JWSAlgorithm> allowed = new HashSet<>();
        if (advertised == null || advertised.isEmpty()) {
            allowed.add(JWSAlgorithm.RS256);
        } else {
            advertised.stream().filter(ALLOWED_ALGORITHMS::contains).forEach(allowed::add);
        }
        return allowed;
    }

    private static ProviderException idTokenFailure(Exception e) {
        if (e instanceof RateLimitReachedException) {
            return new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "ID token rejected: no published key "
                    + "matches it, and the IdP's key set was refreshed moments ago (refreshes are rate limited)", e);
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        FailureCode code;
        if (m.contains("expired") || m.contains("issue time") || m.contains("not before") || m.contains("iat")) {
            code = FailureCode.ID_TOKEN_EXPIRED;
        } else if (m.contains("issuer")) {
            code = FailureCode.ISSUER_MISMATCH;
        } else if (m.contains("audience") || m.contains("azp") || m.contains("authorized party")) {
            code = FailureCode.AUDIENCE_MISMATCH;
        } else if (m.contains("nonce")) {
            code = FailureCode.NONCE_MISMATCH;
        } else if (m.contains("signature") || m.contains("key") || m.contains("algorithm")) {
            code = FailureCode.ID_TOKEN_SIGNATURE_INVALID;
        } else {
            code = FailureCode.ID_TOKEN_INVALID;
        }
        return new ProviderException(code, "ID token rejected: " + e.getMessage(), e);
    }

    /** One JWK source per {@code jwks_uri}, shared by every login. */
    public JWKSource<SecurityContext> jwkSource(URI jwksUri) {
        return jwkSources.computeIfAbsent(jwksUri, uri -> {
            try {
                return JWKSourceBuilder.<SecurityContext>create(uri.toURL(), http.resourceRetriever())
                        .cache(Duration.ofMinutes(15).toMillis(), http.timeout().toMillis())
                        .refreshAheadCache(true)
                        .rateLimited(true)
                        .outageTolerant(Duration.ofHours(1).toMillis())
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("jwks_uri is not a URL: " + uri, e);
            }
        });
    }

    /**
     * Fetches userinfo and checks its {@code sub} against the ID token's. A signed (JWT) answer is verified
     * against the IdP's keys; with {@code userinfo_signed: true} in the settings an unsigned answer is refused.
     */
    public Map<String, Object> userInfo(OIDCProviderMetadata md, AccessToken accessToken, String expectedSubject,
                                        ProviderSettings settings) throws ProviderException {
        if (md.getUserInfoEndpointURI() == null) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED,
                    "fetch_userinfo is on but the IdP's discovery document has no userinfo_endpoint");
        }
        HTTPRequest request = new UserInfoRequest(md.getUserInfoEndpointURI(),
                accessToken instanceof BearerAccessToken b ? b : new BearerAccessToken(accessToken.getValue())).toHTTPRequest();
        HTTPResponse response = http.send(request, "userinfo endpoint");
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo endpoint answered HTTP "
                    + response.getStatusCode());
        }
        Map<String, Object> claims;
        String type = String.valueOf(response.getHeaderValue("Content-Type")).toLowerCase(Locale.ROOT);
        if (type.startsWith("application/jwt")) {
            claims = verifiedUserInfoJwt(md, response.getBody());
        } else {
            if (settings.bool("userinfo_signed", false)) {
                throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID,
                        "userinfo_signed is on but the userinfo endpoint answered unsigned " + type);
            }
            try {
                JSONObject json = new JSONObject(response.getBodyAsJSONObject());
                claims = new LinkedHashMap<>(json);
            } catch (ParseException e) {
                throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo answer is not JSON", e);
            }
        }
        Object sub = claims.get("sub");
        if (sub == null || !sub.toString().equals(expectedSubject)) {
            throw new ProviderException(FailureCode.USERINFO_SUBJECT_MISMATCH, "userinfo sub '" + sub
                    + "' differs from the ID token's sub '" + expectedSubject + "'");
        }
        return claims;
    }

    private Map<String, Object> verifiedUserInfoJwt(OIDCProviderMetadata md, String body) throws ProviderException {
        try {
            JWT jwt = JWTParser.parse(body == null ? "" : body.trim());
            if (!(jwt instanceof SignedJWT)) {
                throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The userinfo JWT is not signed");
            }
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(allowedAlgorithms(md), jwkSource(md.getJWKSetURI())));
            processor.setJWSTypeVerifier((type, ctx) -> { });
            return new LinkedHashMap<>(processor.process(jwt, null).getClaims());
        } catch (java.text.ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo answer is not a JWT", e);
        } catch (BadJOSEException | JOSEException e) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The userinfo JWT was rejected: " + e.getMessage(), e);
        }
    }

    /** Scopes from the settings ({@code SCOPE} / {@code scope}), else the defaults. */
    public static List<String> scopes(ProviderSettings settings, List<String> defaults) {
        List<String> configured = settings.list("scope");
        return configured.isEmpty() ? defaults : new ArrayList<>(configured);
    }
}
