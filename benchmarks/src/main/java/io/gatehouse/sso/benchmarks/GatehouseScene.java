package io.gatehouse.sso.benchmarks;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.testidp.SelfSignedTls;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.UserDraft;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A login engine over sso-core's {@link EngineFixture} (in-memory stores, live settings with SSO and
 * registration on) with one {@code openid_connect} app for a {@link LoopbackIdp}, and the sample user already
 * signed up: every measured callback is the common case, a returning user. Discovery and the JWKS are warm
 * after construction.
 *
 * <pre>{@code
 * try (GatehouseScene scene = GatehouseScene.offline()) {
 *     LoginOutcome outcome = scene.engine().completeLogin(GatehouseScene.ROUTE, scene.nextCallback());
 * }
 * }</pre>
 */
public final class GatehouseScene implements AutoCloseable {
    public static final String ROUTE = "openid_connect";
    /** The engine's {@code transaction_key}, shared with {@link PresealedTransactions} so pre-sealed cookies open. */
    private static final byte[] TRANSACTION_KEY = Seal.randomKey();
    private static final Duration TTL = Duration.ofMinutes(10);

    private final LoopbackIdp idp;
    private final EngineFixture fixture = new EngineFixture();
    private final ProviderBackend backend;
    private final LoginEngine engine;
    private final SocialApp app;
    private final PresealedTransactions transactions = new PresealedTransactions(TRANSACTION_KEY, TTL);

    private GatehouseScene(LoopbackIdp idp, ProviderBackend backend, boolean signUpSampleUser) {
        this(idp, backend, idp.appSettings(), null, signUpSampleUser);
    }

    private GatehouseScene(LoopbackIdp idp, ProviderBackend backend, Map<String, Object> appSettings, SSLContext tls,
                           boolean signUpSampleUser) {
        this.idp = idp;
        this.backend = backend;
        this.app = fixture.addApp(ROUTE, "Bench IdP", SampleIdToken.CLIENT_ID, SampleIdToken.CLIENT_SECRET, appSettings);
        this.engine = fixture.tls(tls).engine(Map.of("transaction_key", Base64.getEncoder().encodeToString(TRANSACTION_KEY),
                "transaction_ttl_seconds", Long.toString(TTL.toSeconds())), backend);
        if (signUpSampleUser) {
            LoginOutcome first = engine.completeLogin(ROUTE, nextCallback());
            if (!(first instanceof LoginOutcome.SignedIn signedIn) || !signedIn.newUser()) {
                throw new IllegalStateException("the first login should sign up the sample user, got " + first
                        + " errors " + fixture.errors());
            }
        } else {
            // warm discovery only
            if (!(engine.beginLogin(ROUTE, loginRequest()) instanceof LoginOutcome.Redirect)) {
                throw new IllegalStateException("begin login failed: " + fixture.errors());
            }
        }
    }

    /** The engine with {@link OfflineTokenEndpointBackend}: callbacks make no network call at all. */
    public static GatehouseScene offline() {
        return new GatehouseScene(new LoopbackIdp(), new OfflineTokenEndpointBackend(LoopbackIdp.tokenResponse(SampleIdToken.VALUE)),
                true);
    }

    /** The engine with the real {@link OpenIdConnectBackend}: each callback posts to the loopback token endpoint. */
    public static GatehouseScene loopback() {
        return new GatehouseScene(new LoopbackIdp(), new OpenIdConnectBackend(), true);
    }

    /**
     * Offline backend and no JWKS fetched yet, for counting fetches from a cold start; the sample user is signed up
     * through the store, so concurrent first callbacks are all sign-ins of a known identity.
     */
    public static GatehouseScene cold(LoopbackIdp idp) {
        GatehouseScene scene = new GatehouseScene(idp, new OfflineTokenEndpointBackend(LoopbackIdp.tokenResponse(SampleIdToken.VALUE)), false);
        scene.fixture.store.register(new Registration(new UserDraft("ada", "ada.lovelace@example.com", "Ada", "Lovelace", true),
                new IdentitySignIn(ROUTE, SampleIdToken.SUBJECT, Map.of(), null, Instant.now()), Set.of()));
        return scene;
    }

    /**
     * The IdP over https with a certificate the engine trusts through its TLS context, and userinfo on, so each
     * login makes two calls to it (token and userinfo): with the real {@link OpenIdConnectBackend} over the engine's
     * kept-alive client, or with {@code oldClient} over {@link OldBoundedHttpSender}, the client before issue 13.
     */
    public static GatehouseScene overTls(SelfSignedTls tls, boolean oldClient) {
        LoopbackIdp idp = LoopbackIdp.overTls(tls.serverSockets());
        ProviderBackend backend = oldClient ? new OldClientBackend(tls.clientTrust().getSocketFactory()) : new OpenIdConnectBackend();
        return new GatehouseScene(idp, backend, idp.appSettingsWithUserInfo(), tls.clientTrust(), true);
    }

    /** The real {@link OpenIdConnectBackend} with discovery cached and no login made: for begin-login. */
    public static GatehouseScene forBeginLogin() {
        return new GatehouseScene(new LoopbackIdp(), new OpenIdConnectBackend(), false);
    }

    public LoginEngine engine() {
        return engine;
    }

    public LoopbackIdp idp() {
        return idp;
    }

    public ProviderBackend backend() {
        return backend;
    }

    public EngineFixture fixture() {
        return fixture;
    }

    /** The one social application, for the IdP. */
    public SocialApp app() {
        return app;
    }

    /** What a browser sends to start a login. */
    public static LoginRequest loginRequest() {
        return new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null);
    }

    /**
     * The IdP's redirect back for a login that the engine could have started: a fresh random state (the engine
     * refuses replayed ones), the nonce the sample token carries, a PKCE verifier, and the sealed transaction
     * cookie. Costs one A256GCM seal; benchmarks call it outside the measured code.
     */
    public CallbackRequest nextCallback() {
        String state = randomToken();
        TransactionCookie cookie = transactions.seal(state, SampleIdToken.NONCE, randomToken() + "-pkce", ROUTE, app.id());
        return new CallbackRequest(Map.of("state", List.of(state), "code", List.of("bench-authorization-code"),
                "session_state", List.of("4a7e2c35-6f0b-4f2e-8f6f-2d3c1b0a9e8d")),
                Map.of(cookie.name(), cookie.value(), "JSESSIONID", "node0bench"), EngineFixture.BASE, null);
    }

    /** Fills {@code requests} with {@link #nextCallback()}s. */
    public void nextCallbacks(CallbackRequest[] requests) {
        for (int i = 0; i < requests.length; i++) {
            requests[i] = nextCallback();
        }
    }

    /** 256 random bits, base64url: the shape of the engine's state. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        idp.close();
    }
}
