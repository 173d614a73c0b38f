package io.gatehouse.sso.benchmarks;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.oidc.IssuerRule;
import io.gatehouse.sso.core.oidc.IdTokenVerifier;
import io.gatehouse.sso.core.provider.IdpClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import java.net.URI;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The callback's cost, all on the same ID token ({@link SampleIdToken}), JWKS and claims, each once with one
 * thread and once with two (the {@code TwoThreads} twins share the engine, decoder and JWKS cache, as two
 * request threads of one application would):
 *
 * <ol>
 *   <li>{@link #rawSignatureFloor}: JCA {@code SHA256withRSA} verification of the token's signature with a
 *       ready public key and pre-decoded bytes: the physical limit of any ID token check.</li>
 *   <li>{@link #gatehouseIdToken}: Gatehouse's {@link IdTokenVerifier#verify} alone (parse, algorithm
 *       policy, JWKS look-up in the warm shared cache, signature, iss/aud/exp/iat/nonce/sub): the like-for-like
 *       counterpart of Spring's check.</li>
 *   <li>{@link #gatehouseCallbackOffline}: {@code LoginEngine.completeLogin} for a returning user with the token
 *       endpoint answer replayed from memory ({@link OfflineTokenEndpointBackend}): cookie look-up, unseal,
 *       state/route/replay checks, app selection, token request built, token response parsed, ID token
 *       validated, profile mapped, account resolved and updated on the in-memory stores. No network.</li>
 *   <li>{@link #gatehouseCallbackLoopback}: the same with the real {@code openid_connect} backend, whose code
 *       exchange is an HTTP POST to a MockWebServer on loopback (the IdP runs in the same JVM, on the same
 *       cores).</li>
 *   <li>{@link #springIdToken}: Spring Security 7's {@code NimbusJwtDecoder} from {@code OidcIdTokenDecoderFactory}
 *       with its {@code OidcIdTokenValidator}, plus the nonce-hash check, as its code-flow provider runs them
 *       ({@link SpringIdTokenCheck}): 7.1.2's factory builds a new decoder per login, so this includes a JWKS
 *       download from the loopback IdP every time.</li>
 *   <li>{@link #springIdTokenDecoderReused}: the same check with one decoder kept for all logins (warm JWKS
 *       cache): Spring's CPU cost, like for like with {@link #gatehouseIdToken}.</li>
 * </ol>
 * Every callback needs a fresh state (the engine refuses a replayed one) and so a freshly sealed cookie. They are
 * sealed {@value #CALLBACKS_PER_INVOCATION} at a time in a per-invocation setup, outside the measured time, and one
 * invocation completes them all ({@code @OperationsPerInvocation}): the timed region is a run of callbacks, long
 * enough (milliseconds) for per-invocation setup to be harmless, and the score is per callback.
 *
 * <p>Warm-ups differ by what each needs to reach steady state: the engine's callback path (Nimbus, JSON, AES-GCM,
 * the stores) takes 5-10 s of JIT on a 2-core machine; the bare JCA verify is steady after one second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CallbackBenchmarks {
    static final int CALLBACKS_PER_INVOCATION = 100;

    /** Per thread: a JCA verifier initialised with the public key, and the token's bytes decoded once. */
    @State(Scope.Thread)
    public static class RawFloor {
        Signature verifier;
        byte[] signingInput;
        byte[] signature;

        @Setup
        public void setUp() throws Exception {
            SignedJWT jwt = SignedJWT.parse(SampleIdToken.VALUE);
            signingInput = jwt.getSigningInput();
            signature = jwt.getSignature().decode();
            verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(SampleIdToken.KEY.toRSAPublicKey());
            if (!verify()) {
                throw new IllegalStateException("the sample token's signature does not verify");
            }
        }

        boolean verify() throws java.security.SignatureException {
            // after verify() the Signature object is ready for the next message with the same key
            verifier.update(signingInput);
            return verifier.verify(signature);
        }
    }

    /** Gatehouse's OpenID Connect relying party with discovery cached and the JWKS fetched. */
    @State(Scope.Benchmark)
    public static class GatehouseIdToken {
        LoopbackIdp idp;
        IdpClients clients;
        OIDCProviderMetadata metadata;
        IssuerRule issuer;

        @Setup
        public void setUp() throws Exception {
            idp = new LoopbackIdp();
            clients = IdpClients.create(Duration.ofSeconds(5), Clock.systemUTC());
            metadata = clients.discovery().discover(URI.create(idp.discoveryUrl()), SampleIdToken.ISSUER);
            issuer = IssuerRule.exactly(SampleIdToken.ISSUER);
            validate();
        }

        JWTClaimsSet validate() throws Exception {
            return clients.idTokens().verify(metadata, SampleIdToken.CLIENT_ID, JWTParser.parse(SampleIdToken.VALUE),
                    SampleIdToken.NONCE, issuer);
        }

        @TearDown
        public void tearDown() {
            idp.close();
        }
    }

    /** Spring Security as its login provider uses it: a decoder from the factory per login (JWKS fetched each time). */
    @State(Scope.Benchmark)
    public static class Spring {
        LoopbackIdp idp;
        SpringIdTokenCheck check;

        @Setup
        public void setUp() {
            idp = new LoopbackIdp();
            check = SpringIdTokenCheck.perLogin(idp.jwksUri(), idp.tokenUri());
            check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
        }

        @TearDown(Level.Iteration)
        public void forgetRequests() {
            idp.forgetRequests();
        }

        @TearDown
        public void tearDown() {
            idp.close();
        }
    }

    /** Spring Security with one decoder from the factory kept for all logins: its warm-cache CPU cost. */
    @State(Scope.Benchmark)
    public static class SpringReused {
        LoopbackIdp idp;
        SpringIdTokenCheck check;

        @Setup
        public void setUp() {
            idp = new LoopbackIdp();
            check = SpringIdTokenCheck.decoderReused(idp.jwksUri(), idp.tokenUri());
            check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
        }

        @TearDown
        public void tearDown() {
            idp.close();
        }
    }

    /** The engine with the token endpoint replayed from memory. */
    @State(Scope.Benchmark)
    public static class OfflineEngine extends SceneState {
        @Override
        protected GatehouseScene create() {
            return GatehouseScene.offline();
        }
    }

    /** The engine with the real backend and a loopback token endpoint. */
    @State(Scope.Benchmark)
    public static class LoopbackEngine extends SceneState {
        @Override
        protected GatehouseScene create() {
            return GatehouseScene.loopback();
        }
    }

    /** Fresh callbacks for one offline invocation, sealed before it is timed. */
    @State(Scope.Thread)
    public static class OfflineCallbacks extends PreparedCallbacks {
        public OfflineCallbacks() {
            super(CALLBACKS_PER_INVOCATION);
        }

        @Setup(Level.Invocation)
        public void next(OfflineEngine engine) {
            fill(engine);
        }
    }

    /** Fresh callbacks for one loopback invocation, sealed before it is timed. */
    @State(Scope.Thread)
    public static class LoopbackCallbacks extends PreparedCallbacks {
        public LoopbackCallbacks() {
            super(CALLBACKS_PER_INVOCATION);
        }

        @Setup(Level.Invocation)
        public void next(LoopbackEngine engine) {
            fill(engine);
        }
    }

    /** Completes every prepared callback; each must sign the user in. */
    static void completeAll(GatehouseScene scene, CallbackRequest[] requests, Blackhole sink) {
        for (CallbackRequest request : requests) {
            sink.consume(signedIn(scene.engine().completeLogin(GatehouseScene.ROUTE, request)));
        }
    }

    static LoginOutcome signedIn(LoginOutcome outcome) {
        if (!(outcome instanceof LoginOutcome.SignedIn)) {
            // a benchmark of failing logins would measure the wrong thing: stop it loudly
            throw new IllegalStateException("expected a sign-in, got " + outcome);
        }
        return outcome;
    }

    @Benchmark
    @Threads(1)
    @Warmup(iterations = 3, time = 1)
    public boolean rawSignatureFloor(RawFloor s) throws Exception {
        return s.verify();
    }

    @Benchmark
    @Threads(2)
    @Warmup(iterations = 3, time = 1)
    public boolean rawSignatureFloorTwoThreads(RawFloor s) throws Exception {
        return s.verify();
    }

    @Benchmark
    @Threads(1)
    public JWTClaimsSet gatehouseIdToken(GatehouseIdToken s) throws Exception {
        return s.validate();
    }

    @Benchmark
    @Threads(2)
    public JWTClaimsSet gatehouseIdTokenTwoThreads(GatehouseIdToken s) throws Exception {
        return s.validate();
    }

    @Benchmark
    @Threads(1)
    @Warmup(iterations = 5, time = 2)
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void gatehouseCallbackOffline(OfflineEngine e, OfflineCallbacks c, Blackhole sink) {
        completeAll(e.scene, c.requests, sink);
    }

    @Benchmark
    @Threads(2)
    @Warmup(iterations = 5, time = 2)
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void gatehouseCallbackOfflineTwoThreads(OfflineEngine e, OfflineCallbacks c, Blackhole sink) {
        completeAll(e.scene, c.requests, sink);
    }

    @Benchmark
    @Threads(1)
    @Warmup(iterations = 5, time = 2)
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void gatehouseCallbackLoopback(LoopbackEngine e, LoopbackCallbacks c, Blackhole sink) {
        completeAll(e.scene, c.requests, sink);
    }

    @Benchmark
    @Threads(2)
    @Warmup(iterations = 5, time = 2)
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void gatehouseCallbackLoopbackTwoThreads(LoopbackEngine e, LoopbackCallbacks c, Blackhole sink) {
        completeAll(e.scene, c.requests, sink);
    }

    @Benchmark
    @Threads(1)
    public OidcIdToken springIdToken(Spring s) {
        return s.check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
    }

    @Benchmark
    @Threads(2)
    public OidcIdToken springIdTokenTwoThreads(Spring s) {
        return s.check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
    }

    @Benchmark
    @Threads(1)
    public OidcIdToken springIdTokenDecoderReused(SpringReused s) {
        return s.check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
    }

    @Benchmark
    @Threads(2)
    public OidcIdToken springIdTokenDecoderReusedTwoThreads(SpringReused s) {
        return s.check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
    }
}
