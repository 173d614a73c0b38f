package io.gatehouse.sso.provider.google;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testidp.FakeServers;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Google's OpenID Connect endpoints on MockWebServer, answering the way Google documents them: its
 * discovery document (issuer {@code https://accounts.google.com}, endpoints pointing here), the consent
 * screen as an immediate redirect back with a code, the token endpoint with an ID token signed by our
 * own key, and the JWKS publishing that key.
 */
final class FakeGoogle implements AutoCloseable {
    static final String CLIENT_ID = "123456789012-abcdefg.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "GOCSPX-client-secret-value";
    static final String SUB = "110169484474386276334";
    static final String ACCESS_TOKEN = "ya29.a0-access-token-value";

    private final MockWebServer server = new MockWebServer();
    private final RSAKey key;
    private final List<RecordedRequest> authorizeRequests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile String nonce = "unset";
    private volatile UnaryOperator<JWTClaimsSet.Builder> idToken = b -> b;
    private volatile Function<RecordedRequest, MockResponse> tokenResponder;
    private volatile Function<RecordedRequest, MockResponse> refreshResponder;
    /** The refresh token the code exchange issues (Google: only with access_type=offline); none by default. */
    private volatile String refreshToken;

    FakeGoogle() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/.well-known/openid-configuration" -> json(200, discovery());
                    case "/o/oauth2/v2/auth" -> consent(request);
                    case "/token" -> {
                        tokenRequests.add(request);
                        boolean refresh = request.getBody() != null && request.getBody().utf8().contains("grant_type=refresh_token");
                        yield refresh && refreshResponder != null ? refreshResponder.apply(request)
                                : tokenResponder != null ? tokenResponder.apply(request) : tokens();
                    }
                    case "/oauth2/v3/certs" -> json(200, new JWKSet(key.toPublicJWK()).toString());
                    default -> json(404, "{\"error\":\"not_found\"}");
                };
            }
        });
        FakeServers.start(server);
    }

    String base() {
        return FakeServers.origin(server);
    }

    String discoveryUrl() {
        return base() + "/.well-known/openid-configuration";
    }

    private String discovery() {
        String b = base();
        return """
                {"issuer": "https://accounts.google.com",
                 "authorization_endpoint": "%1$s/o/oauth2/v2/auth",
                 "device_authorization_endpoint": "%1$s/device/code",
                 "token_endpoint": "%1$s/token",
                 "userinfo_endpoint": "%1$s/v1/userinfo",
                 "revocation_endpoint": "%1$s/revoke",
                 "jwks_uri": "%1$s/oauth2/v3/certs",
                 "response_types_supported": ["code", "token", "id_token", "code token", "code id_token", "token id_token", "code token id_token", "none"],
                 "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "scopes_supported": ["openid", "email", "profile"],
                 "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
                 "claims_supported": ["aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "picture", "sub"],
                 "code_challenge_methods_supported": ["plain", "S256"],
                 "grant_types_supported": ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:jwt-bearer"]}
                """.formatted(b);
    }

    /** The user consents at once: back to redirect_uri with a code and the state. */
    private MockResponse consent(RecordedRequest request) {
        authorizeRequests.add(request);
        String n = request.getUrl().queryParameter("nonce");
        if (n != null) {
            nonce = n;
        }
        String location = request.getUrl().queryParameter("redirect_uri") + "?state="
                + request.getUrl().queryParameter("state") + "&code=4%2F0AeaYSHB-authorization-code&scope=email%20profile%20openid";
        return new MockResponse.Builder().code(302).addHeader("Location", location).build();
    }

    private MockResponse tokens() {
        String idTokenValue = sign(idToken.apply(claims(nonce)).build());
        return json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,"
                + "\"scope\":\"openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile\","
                + "\"token_type\":\"Bearer\",\"id_token\":\"" + idTokenValue + "\""
                + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"") + "}");
    }

    /** An ID token as Google issues it for the scopes openid email profile. */
    JWTClaimsSet.Builder claims(String forNonce) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer("https://accounts.google.com").audience(CLIENT_ID).claim("azp", CLIENT_ID)
                .subject(SUB).issueTime(now).expirationTime(new Date(now.getTime() + 3_600_000)).claim("nonce", forNonce)
                .claim("email", "ada@example.com").claim("email_verified", true).claim("at_hash", "HK6E_P6Dh8Y93mRNtsDB1Q")
                .claim("name", "Ada Lovelace").claim("picture", "https://lh3.googleusercontent.com/a/photo")
                .claim("given_name", "Ada").claim("family_name", "Lovelace");
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        return FakeIdp.signRs256(claims, signingKey);
    }

    /** The nonce the next ID token carries (set by the consent redirect, or by a test calling the backend directly). */
    void expectNonce(String n) {
        nonce = n;
    }

    /** Adjusts the claims of the ID tokens the token endpoint issues from now on. */
    void idToken(UnaryOperator<JWTClaimsSet.Builder> adjust) {
        idToken = adjust;
    }

    void answerToken(Function<RecordedRequest, MockResponse> responder) {
        tokenResponder = responder;
    }

    /** The code exchange issues this refresh token from now on. */
    void issueRefreshToken(String value) {
        refreshToken = value;
    }

    /** How the token endpoint answers refresh-token grants. */
    void answerRefresh(Function<RecordedRequest, MockResponse> responder) {
        refreshResponder = responder;
    }

    List<RecordedRequest> authorizeRequests() {
        return List.copyOf(authorizeRequests);
    }

    List<RecordedRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    static MockResponse json(int code, String body) {
        return FakeIdp.json(code, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
