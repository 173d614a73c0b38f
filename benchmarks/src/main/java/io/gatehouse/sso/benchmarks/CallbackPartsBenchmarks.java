package io.gatehouse.sso.benchmarks;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.oauth2.IssuedTokens;
import io.gatehouse.sso.core.oauth2.TokenEndpointAuth;
import io.gatehouse.sso.core.oidc.IssuerRule;
import io.gatehouse.sso.core.oidc.JwksCache;
import io.gatehouse.sso.core.oidc.OidcProfiles;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.ReplayGuard;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The offline callback ({@code gatehouseCallbackOffline}) taken apart: each step it takes, measured alone on the
 * same token, app and stores, through the same public code the engine calls. Where a step is Nimbus's or the JDK's
 * work (parsing, AES-GCM, RSA), the benchmark calls what the engine calls. The steps in callback order:
 *
 * <ol>
 *   <li>{@link #partCookieUnseal}: the transaction cookie opened ({@code LoginTransaction.openWith}: Nimbus JWE parse,
 *       A256GCM decryption, claims).</li>
 *   <li>{@link #partReplayGuard}: a SHA-256 of the state and the engine's default single-use store (the callback
 *       takes this digest twice: once for the cookie's name, once for the replay key).</li>
 *   <li>{@link #partAppSelection}: {@code AppSelector.selectById}, the app the login started with, its settings.</li>
 *   <li>{@link #partTokenRequest}: the token request built (client authentication, code, PKCE verifier).</li>
 *   <li>{@link #partTokenResponse}: the token endpoint's answer read ({@code TokenEndpointClient.read}: JSON, access
 *       and refresh token, the ID token parsed by Nimbus's JWS parser).</li>
 *   <li>{@link #partIdTokenClaimsParse}: the ID token's claims parsed (Base64URL, JSON, {@code JWTClaimsSet}).</li>
 *   <li>{@link #partIdTokenChecks}: {@code IdTokenVerifier.verify} on a parsed token: algorithm policy, key lookup,
 *       signature, claims checks; of which {@link #partKeyLookup} (the JWKS cache's key selector) and
 *       {@link #partSignature} (Nimbus's RS256 verifier with the looked-up key).</li>
 *   <li>{@link #partProfile}: the verified claims as a map and the profile mapped from them.</li>
 *   <li>{@link #partAccountStore}: what account resolution asks the stores for a returning user (find the link,
 *       find the user, record the login with claims and tokens), on the in-memory stores the callback uses.</li>
 * </ol>
 * {@link #callbackPreparation} is not part of the callback: it is what the callback benchmarks spend, outside the
 * timed region, to make each callback (a fresh state and sealed cookie). JMH's allocation count includes it, so the
 * engine's own allocation per callback is {@code gatehouseCallbackOffline}'s minus this one's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class CallbackPartsBenchmarks {

    @State(Scope.Benchmark)
    public static class Parts {
        GatehouseScene scene;
        Seal seal;
        String sealed;
        ReplayGuard replay;
        long states;
        AppSelector selector;
        String site;
        ProviderContext context;
        OIDCProviderMetadata metadata;
        IdpClients clients;
        IssuerRule issuer;
        String tokenResponse;
        SignedJWT parsed;
        Base64URL payload;
        JWSKeySelector<SecurityContext> keys;
        RSAPublicKey key;
        JWTClaimsSet claims;
        Map<String, Object> profileClaims;
        SocialToken token;

        @Setup
        public void setUp() throws Exception {
            scene = GatehouseScene.offline();
            byte[] key = Seal.randomKey();
            seal = new Seal(key, Clock.systemUTC());
            sealed = new PresealedTransactions(key, Duration.ofMinutes(10))
                    .seal("a-state-of-43-characters-like-the-engine-s", SampleIdToken.NONCE, "verifier", GatehouseScene.ROUTE, "1")
                    .value();
            // a short lifetime, so that the used values of a long run are swept as the engine's are
            replay = new ReplayGuard(Duration.ofSeconds(1), Clock.systemUTC());
            selector = new AppSelector(scene.fixture().apps, scene.engine().config(),
                    ProviderRegistry.of(List.of(GatehouseScene.ROUTE), List.of(scene.backend())));
            site = BaseUrl.siteOf(EngineFixture.BASE);
            clients = IdpClients.create(Duration.ofSeconds(5), Clock.systemUTC());
            metadata = clients.discovery().discover(URI.create(scene.idp().discoveryUrl()), SampleIdToken.ISSUER);
            issuer = IssuerRule.exactly(SampleIdToken.ISSUER);
            SelectedApp selected = selector.selectById(GatehouseScene.ROUTE, site, scene.app().id());
            context = new ProviderContext(selected.app(), selected.settings(),
                    BaseUrl.callbackUri(EngineFixture.BASE, GatehouseScene.ROUTE), clients);
            tokenResponse = LoopbackIdp.tokenResponse(SampleIdToken.VALUE);
            parsed = SignedJWT.parse(SampleIdToken.VALUE);
            payload = parsed.getPayload().toBase64URL();
            claims = clients.idTokens().verify(metadata, SampleIdToken.CLIENT_ID, parsed, SampleIdToken.NONCE, issuer);
            keys = new JwksCache(clients.http(), Clock.systemUTC()).keySelector(metadata.getJWKSetURI(),
                    Set.of(parsed.getHeader().getAlgorithm()));
            List<? extends Key> found = keys.selectJWSKeys(parsed.getHeader(), null);
            this.key = (RSAPublicKey) found.get(0);
            profileClaims = OidcProfiles.fromClaims(SampleIdToken.SUBJECT, claims.toJSONObject()).claims();
            token = new SocialToken("bench-access-token-value", "bench-refresh-token-value", Instant.now().plusSeconds(300));
        }

        @TearDown
        public void tearDown() {
            scene.close();
        }
    }

    @Benchmark
    public LoginTransaction partCookieUnseal(Parts p) throws Exception {
        return LoginTransaction.openWith(p.seal, p.sealed);
    }

    @Benchmark
    public boolean partReplayGuard(Parts p) {
        String digest = TransactionCookie.nameFor(Long.toString(p.states++));
        return p.replay.firstUse(digest, Instant.now().plusSeconds(1));
    }

    @Benchmark
    public SelectedApp partAppSelection(Parts p) throws Exception {
        return p.selector.selectById(GatehouseScene.ROUTE, p.site, p.scene.app().id());
    }

    @Benchmark
    public HTTPRequest partTokenRequest(Parts p) throws Exception {
        HTTPRequest request = new TokenRequest.Builder(p.metadata.getTokenEndpointURI(),
                TokenEndpointAuth.of(p.context, p.metadata.getTokenEndpointAuthMethods()),
                new AuthorizationCodeGrant(new AuthorizationCode("bench-authorization-code"), p.context.callbackUri(),
                        new CodeVerifier("a-pkce-verifier-of-43-characters-from-random"))).build().toHTTPRequest();
        request.setAccept("application/json");
        return request;
    }

    @Benchmark
    public IssuedTokens partTokenResponse(Parts p) throws Exception {
        HTTPResponse response = new HTTPResponse(200);
        response.setEntityContentType(ContentType.APPLICATION_JSON);
        response.setBody(p.tokenResponse);
        return p.clients.tokens().read(response, p.metadata.getTokenEndpointURI(), p.context);
    }

    @Benchmark
    public JWTClaimsSet partIdTokenClaimsParse(Parts p) throws Exception {
        // what SignedJWT.getJWTClaimsSet does the first time it is asked
        return JWTClaimsSet.parse(new Payload(p.payload).toJSONObject());
    }

    @Benchmark
    public JWTClaimsSet partIdTokenChecks(Parts p) throws Exception {
        return p.clients.idTokens().verify(p.metadata, SampleIdToken.CLIENT_ID, p.parsed, SampleIdToken.NONCE, p.issuer);
    }

    @Benchmark
    public List<? extends Key> partKeyLookup(Parts p) throws Exception {
        return p.keys.selectJWSKeys(p.parsed.getHeader(), null);
    }

    @Benchmark
    public boolean partSignature(Parts p) throws Exception {
        // what Nimbus's JWT processor does with each key the selector returned
        JWSHeader header = p.parsed.getHeader();
        return new RSASSAVerifier(p.key).verify(header, p.parsed.getSigningInput(), p.parsed.getSignature());
    }

    @Benchmark
    public ProviderProfile partProfile(Parts p) {
        return OidcProfiles.fromClaims(p.claims.getSubject(), Collections.unmodifiableMap(p.claims.toJSONObject()));
    }

    @Benchmark
    public Optional<SocialAccount> partAccountStore(Parts p) {
        InMemoryIdentityStore store = p.scene.fixture().store;
        SocialAccount link = store.find(GatehouseScene.ROUTE, SampleIdToken.SUBJECT).orElseThrow();
        store.findById(link.userId()).orElseThrow();
        return store.recordLogin(new IdentitySignIn(GatehouseScene.ROUTE, SampleIdToken.SUBJECT,
                p.profileClaims, p.token, Instant.now()));
    }

    @Benchmark
    public CallbackRequest callbackPreparation(Parts p) {
        return p.scene.nextCallback();
    }
}
