package io.gatehouse.sso.testidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenID Connect IdP on MockWebServer whose every answer the test controls: discovery, JWKS
 * (with counted fetches and key rotation), the token endpoint and userinfo. ID tokens are signed
 * with our own keys, so tests can forge exactly the hostile token they need.
 */
public final class FakeIdp implements AutoCloseable {
    public static final String CLIENT_ID = "gatehouse-test";
    public static final String CLIENT_SECRET = "client-secret-value-123";

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile RSAKey signingKey = newKey();
    private volatile List<RSAKey> published = List.of(signingKey);
    private volatile String discoveryIssuer;
    private volatile String extraMetadata = "";
    private volatile Function<RecordedRequest, MockResponse> tokenResponder = r -> json(500, "{\"error\":\"server_error\"}");
    private volatile Function<RecordedRequest, MockResponse> userInfoResponder = r -> json(404, "{}");
    private volatile Function<RecordedRequest, MockResponse> jwksResponder = r -> publishedKeys();

    private final String basePath;

    public FakeIdp() {
        this("");
    }

    /** An IdP whose issuer has a path, e.g. {@code /realms/inventree} for Keycloak. */
    public FakeIdp(String basePath) {
        this.basePath = basePath;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                connections.add(request.getConnectionIndex());
                String full = request.getUrl().encodedPath();
                if (!full.startsWith(basePath)) {
                    return json(404, "{}");
                }
                String path = full.substring(basePath.length());
                return switch (path) {
                    case "/.well-known/openid-configuration" -> discovery();
                    case "/jwks" -> {
                        jwksFetches.incrementAndGet();
                        yield jwksResponder.apply(request);
                    }
                    case "/token" -> {
                        tokenRequests.add(request);
                        yield tokenResponder.apply(request);
                    }
                    case "/userinfo" -> userInfoResponder.apply(request);
                    default -> json(404, "{}");
                };
            }
        });
        FakeServers.start(server);
        discoveryIssuer = issuer();
    }

    /** The JWKS endpoint's normal answer: the published public keys. */
    public MockResponse publishedKeys() {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        published.forEach(k -> keys.add(k.toPublicJWK()));
        return json(200, new JWKSet(keys).toString());
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse discovery() {
        String base = issuer();
        return json(200, "{\"issuer\":\"" + discoveryIssuer + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                + "\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/jwks\",\"userinfo_endpoint\":\""
                + base + "/userinfo\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]" + extraMetadata + "}");
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    /** The issuer URL (no trailing slash). */
    public String issuer() {
        return FakeServers.origin(server) + basePath;
    }

    /** Scheme, host and port of the server, without the issuer's path. */
    public String origin() {
        return FakeServers.origin(server);
    }

    /**
     * Adds members to the discovery document, e.g. {@code "end_session_endpoint":"https://idp/logout"} or
     * {@code "authorization_response_iss_parameter_supported":true}.
     */
    public void advertise(String jsonMembers) {
        this.extraMetadata = extraMetadata + "," + jsonMembers;
    }

    /** Make the discovery document declare another issuer than the server's. */
    public void declareIssuer(String issuer) {
        this.discoveryIssuer = issuer;
    }

    public JWTClaimsSet.Builder claims(String nonce) {
        return claims(nonce, Instant.now());
    }

    /** Claims issued at {@code issuedAt} (e.g. an adjustable clock's now), valid for five minutes. */
    public JWTClaimsSet.Builder claims(String nonce, Instant issuedAt) {
        Date now = Date.from(issuedAt);
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject("subject-1")
                .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).claim("nonce", nonce)
                .claim("email", "ada@example.com").claim("email_verified", true).claim("preferred_username", "ada")
                .claim("given_name", "Ada").claim("family_name", "Lovelace");
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey, true);
    }

    /**
     * A back-channel logout token's claims (Back-Channel Logout 1.0 section 2.4) of this IdP for our client, issued at
     * {@code issuedAt} and valid two minutes; {@code sub} or {@code sid} may be null.
     */
    public JWTClaimsSet.Builder logoutClaims(String sub, String sid, Instant issuedAt) {
        Date iat = Date.from(issuedAt);
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject(sub).claim("sid", sid)
                .issueTime(iat).expirationTime(new Date(iat.getTime() + 120_000)).jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
    }

    /** Signed the way IdPs sign logout tokens: RS256 with the current key's id, typed {@code logout+jwt}. */
    public String signLogoutToken(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(new JOSEObjectType("logout+jwt")).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 with the key's id in the header: how real IdPs sign. */
    public static String signRs256(JWTClaimsSet claims, RSAKey key) {
        return sign(claims, key, true, JWSAlgorithm.RS256);
    }

    public String sign(JWTClaimsSet claims, RSAKey key, boolean withKid) {
        return sign(claims, key, withKid, JWSAlgorithm.RS256);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, boolean withKid, JWSAlgorithm alg) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(alg);
            if (withKid) {
                header.keyID(key.getKeyID());
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic key-confusion forgery: HS256 with the IdP's public key as the HMAC secret. */
    public String signHs256WithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new MACSigner(signingKey.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** A fresh key, not published: tokens signed with it must fail. */
    public RSAKey strangerKey() {
        return newKey();
    }

    /** Publishes only a new key and signs with it from now on (the old one disappears). */
    public RSAKey rotate() {
        signingKey = newKey();
        published = List.of(signingKey);
        return signingKey;
    }

    /** Publishes several keys at once. */
    public void publish(RSAKey... keys) {
        published = List.of(keys);
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** The token endpoint answers with this ID token and fresh access/refresh tokens. */
    public void answerWithIdToken(String idToken) {
        tokenResponder = r -> json(200, "{\"access_token\":\"access-token-value-xyz\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"refresh_token\":\"refresh-token-value-xyz\",\"id_token\":\"" + idToken + "\"}");
    }

    public void answerToken(Function<RecordedRequest, MockResponse> responder) {
        tokenResponder = responder;
    }

    public void answerUserInfo(Function<RecordedRequest, MockResponse> responder) {
        userInfoResponder = responder;
    }

    /** The JWKS endpoint answers this way from now on (fetches are still counted). */
    public void answerJwks(Function<RecordedRequest, MockResponse> responder) {
        jwksResponder = responder;
    }

    /** The JWKS endpoint publishes the keys again (after {@link #answerJwks}). */
    public void answerJwksWithPublishedKeys() {
        jwksResponder = r -> publishedKeys();
    }

    /** How many TCP connections the server accepted that carried at least one request. */
    public int connectionsAccepted() {
        return connections.size();
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public List<RecordedRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    @Override
    public void close() {
        server.close();
    }
}
