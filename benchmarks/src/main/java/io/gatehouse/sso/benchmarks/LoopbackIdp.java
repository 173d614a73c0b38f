package io.gatehouse.sso.benchmarks;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.sso.testidp.FakeIdp;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect IdP on a loopback MockWebServer, over http or https ({@link #overTls}), serving discovery,
 * the JWKS (fetches counted), a token endpoint that always answers with {@link SampleIdToken#VALUE} and a userinfo
 * endpoint describing the sample user; it counts the TCP connections it accepted.
 *
 * <p>Why not sso-core's {@code FakeIdp}: it records every token request in a copy-on-write list, which costs
 * O(n) per request over a benchmark's hundreds of thousands of requests, and it publishes the random port as
 * the issuer, which would make the token differ between forks. This one declares the fixed
 * {@link SampleIdToken#ISSUER} and drops MockWebServer's own request log between iterations
 * ({@link #forgetRequests()}). Its connections have {@code TCP_NODELAY} on, like a production server's
 * ({@link NoDelayServerSockets}).
 *
 * <pre>{@code
 * try (LoopbackIdp idp = new LoopbackIdp()) {
 *     app settings: idp.appSettings()   // server_url = the fixed issuer, discovery_url = this server
 * }
 * }</pre>
 */
public final class LoopbackIdp implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final NoDelayServerSockets sockets = new NoDelayServerSockets();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger userInfoRequests = new AtomicInteger();
    private volatile List<RSAKey> published = List.of(SampleIdToken.KEY);
    private volatile String idToken = SampleIdToken.VALUE;

    public LoopbackIdp() {
        this(true);
    }

    /** @param noDelay whether the server sets {@code TCP_NODELAY} on its connections (see {@link NoDelayServerSockets}) */
    public LoopbackIdp(boolean noDelay) {
        this(noDelay, null);
    }

    /** An IdP over https with this server side of a certificate (e.g. {@code SelfSignedTls.serverSockets()}). */
    public static LoopbackIdp overTls(SSLSocketFactory tls) {
        return new LoopbackIdp(true, tls);
    }

    private LoopbackIdp(boolean noDelay, SSLSocketFactory tls) {
        if (noDelay) {
            server.setServerSocketFactory(sockets);
        }
        if (tls != null) {
            server.useHttps(tls);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/.well-known/openid-configuration" -> FakeIdp.json(200, discovery());
                    case "/jwks" -> {
                        jwksFetches.incrementAndGet();
                        List<JWK> keys = new ArrayList<>();
                        published.forEach(k -> keys.add(k.toPublicJWK()));
                        yield FakeIdp.json(200, new JWKSet(keys).toString());
                    }
                    case "/token" -> {
                        tokenRequests.incrementAndGet();
                        yield FakeIdp.json(200, tokenResponse(idToken));
                    }
                    case "/userinfo" -> {
                        userInfoRequests.incrementAndGet();
                        yield FakeIdp.json(200, USER_INFO);
                    }
                    default -> FakeIdp.json(404, "{}");
                };
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The userinfo endpoint's answer: what a Keycloak-like IdP says about the sample user. */
    static final String USER_INFO = "{\"sub\":\"" + SampleIdToken.SUBJECT + "\",\"email\":\"ada.lovelace@example.com\","
            + "\"email_verified\":true,\"name\":\"Ada Lovelace\",\"preferred_username\":\"ada\",\"given_name\":\"Ada\","
            + "\"family_name\":\"Lovelace\",\"groups\":[\"/inventree/admins\",\"/inventree/staff\",\"/engineering\"]}";

    /** The token endpoint's answer carrying the given ID token (what the offline backend replays too). */
    public static String tokenResponse(String idToken) {
        return "{\"access_token\":\"bench-access-token-value\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"refresh_token\":\"bench-refresh-token-value\",\"scope\":\"openid email profile\","
                + "\"id_token\":\"" + idToken + "\"}";
    }

    private String discovery() {
        String base = origin();
        return "{\"issuer\":\"" + SampleIdToken.ISSUER + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                + "\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/jwks\","
                + "\"userinfo_endpoint\":\"" + base + "/userinfo\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}";
    }

    /** Scheme, host and port, no trailing slash. */
    public String origin() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public String discoveryUrl() {
        return origin() + "/.well-known/openid-configuration";
    }

    public String jwksUri() {
        return origin() + "/jwks";
    }

    public String tokenUri() {
        return origin() + "/token";
    }

    /**
     * Settings of an {@code openid_connect} social application for this IdP: the fixed issuer, discovery from
     * this server, no userinfo call (Spring's ID token path does not make one either).
     */
    public Map<String, Object> appSettings() {
        return Map.of("server_url", SampleIdToken.ISSUER, "discovery_url", discoveryUrl(), "fetch_userinfo", false);
    }

    /** The same with the userinfo call on: two calls to the IdP per login, as the OIDC provider makes by default. */
    public Map<String, Object> appSettingsWithUserInfo() {
        return Map.of("server_url", SampleIdToken.ISSUER, "discovery_url", discoveryUrl(), "fetch_userinfo", true);
    }

    /** Publishes only these keys from now on (a key rotation when the signing key changes). */
    public void publish(RSAKey... keys) {
        published = List.of(keys);
    }

    /** The token endpoint answers with this ID token from now on. */
    public void answerWith(String token) {
        idToken = token;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int userInfoRequests() {
        return userInfoRequests.get();
    }

    /** TCP connections clients opened to this server (each a TLS handshake over https; counted only with {@code TCP_NODELAY} on). */
    public int connectionsAccepted() {
        return sockets.accepted();
    }

    /** Drains MockWebServer's log of recorded requests, which otherwise grows by one entry per request. */
    public void forgetRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
