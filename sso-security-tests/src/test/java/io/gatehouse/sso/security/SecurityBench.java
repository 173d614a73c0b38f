package io.gatehouse.sso.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testkit.AdjustableClock;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login engine wired to a {@link FakeIdp} we fully control, with in-memory stores, an adjustable
 * clock and the suite's distinctive {@link Secrets}. A test starts logins ({@link #begin}), decides what
 * the IdP's token endpoint answers for each login's code ({@link #answer}), plays the browser's callback
 * ({@link #complete}) and checks a refusal with {@link #assertRefused}: the typed code, one error-log
 * record without secrets, and a store exactly as it was at the last {@link #baseline()}.
 */
final class SecurityBench implements AutoCloseable {
    static final String ROUTE = "openid_connect";
    static final String CALLBACK_PATH = "auth:/accounts/openid_connect/login/callback/";

    final FakeIdp idp = new FakeIdp();
    final EngineFixture fx = new EngineFixture();
    final AdjustableClock clock = AdjustableClock.followingSystemTime();
    final LoginEngine engine;
    private final Map<String, String> idTokensByCode = new ConcurrentHashMap<>();
    private StoreSnapshot baseline;
    private int baselineErrors;
    private long baselineLog;

    /** A login the engine started; the browser holds {@link #cookies}, the IdP will send back {@link #code}. */
    record Pending(String state, String nonce, Map<String, String> cookies, String code) {
        String cookieValue() {
            return cookies.values().iterator().next();
        }

        String cookieName() {
            return cookies.keySet().iterator().next();
        }
    }

    SecurityBench() {
        this(Map.of());
    }

    /** @param appSettings overrides of the app's settings ({@code fetch_userinfo} is off unless set) */
    SecurityBench(Map<String, Object> appSettings) {
        fx.clock(clock);
        Map<String, Object> settings = new HashMap<>(Map.of("server_url", idp.issuer(), "fetch_userinfo", false));
        settings.putAll(appSettings);
        fx.addApp(ROUTE, "Hostile IdP", FakeIdp.CLIENT_ID, Secrets.CLIENT_SECRET, settings);
        engine = fx.engine(Map.of("http_timeout_ms", "1500", "transaction_key", Secrets.TRANSACTION_KEY,
                "email_password", Secrets.SMTP_PASSWORD), new OpenIdConnectBackend());
        idp.answerToken(this::tokenEndpoint);
        baseline();
    }

    /** The token endpoint: the ID token registered for the posted code, with fresh marked tokens; else invalid_grant. */
    private MockResponse tokenEndpoint(RecordedRequest request) {
        String idToken = idTokensByCode.get(form(request).getOrDefault("code", ""));
        if (idToken == null) {
            return FakeIdp.json(400, "{\"error\":\"invalid_grant\"}");
        }
        return FakeIdp.json(200, "{\"access_token\":\"" + Secrets.accessToken() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"refresh_token\":\"" + Secrets.refreshToken() + "\",\"id_token\":\"" + idToken + "\"}");
    }

    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> out = new HashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Remembers the store and error log as they are now; refusals are checked against this. */
    void baseline() {
        baseline = StoreSnapshot.of(fx.store);
        baselineErrors = fx.errors().size();
        baselineLog = LogScanner.size();
    }

    Pending begin() {
        return begin(new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
    }

    Pending begin(LoginRequest request) {
        return begin(engine, ROUTE, request);
    }

    static Pending begin(LoginEngine engine, String route, LoginRequest request) {
        LoginOutcome outcome = engine.beginLogin(route, request);
        assertThat(outcome).as("begin login").isInstanceOf(LoginOutcome.Redirect.class);
        LoginOutcome.Redirect r = (LoginOutcome.Redirect) outcome;
        Map<String, List<String>> q = LoginDance.query(r.location());
        return new Pending(q.get("state").get(0), q.get("nonce").get(0), Map.of(r.cookie().name(), r.cookie().value()),
                Secrets.code());
    }

    /** The token endpoint will answer this login's code with this ID token. */
    void answer(Pending p, String idToken) {
        idTokensByCode.put(p.code(), idToken);
    }

    /** Standard claims for this login (nonce, issuer, our audience, sub {@code subject-1}, a verified email). */
    JWTClaimsSet.Builder claims(Pending p) {
        return idp.claims(p.nonce());
    }

    LoginOutcome complete(Pending p) {
        return complete(p, null);
    }

    LoginOutcome complete(Pending p, String signedInUserId) {
        return engine.completeLogin(ROUTE, callback(p, p.cookies(), signedInUserId));
    }

    static CallbackRequest callback(Pending p, Map<String, String> cookies, String signedInUserId) {
        return new CallbackRequest(Map.of("state", List.of(p.state()), "code", List.of(p.code())), cookies,
                EngineFixture.BASE, signedInUserId);
    }

    /** Begin, have the IdP answer with the token this function builds, complete. */
    LoginOutcome loginWith(Function<Pending, String> idToken) {
        Pending p = begin();
        answer(p, idToken.apply(p));
        return complete(p);
    }

    /** A normal, valid login for this subject and email. */
    LoginOutcome validLogin(String sub, String email) {
        return loginWith(p -> idp.sign(claims(p).subject(sub).claim("email", email)
                .claim("preferred_username", sub).build()));
    }

    /**
     * The refusal contract: a typed failure, exactly one new error-log record of that kind on the callback
     * path and without any secret, no secret in the log lines written meanwhile, a safe next, and nothing
     * persisted since the last {@link #baseline()}.
     */
    ErrorRecord assertRefused(LoginOutcome outcome, FailureCode code) {
        return assertRefused(outcome, code, CALLBACK_PATH);
    }

    ErrorRecord assertRefused(LoginOutcome outcome, FailureCode code, String path) {
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> {
            assertThat(f.failure().code()).as("failure code (error log: %s)", fx.errors()).isEqualTo(code);
            assertThat(f.failure().errorLogId()).isNotNull();
            assertThat(f.next()).startsWith("/").doesNotStartWith("//");
        });
        return assertOnlyRecorded(code, path);
    }

    /**
     * The rest of the refusal contract, for any kind of outcome: exactly one new error-log record of that kind on that
     * path without any secret, no secret in the log lines written meanwhile, and nothing persisted.
     */
    ErrorRecord assertOnlyRecorded(FailureCode code, String path) {
        List<ErrorRecord> added = new ArrayList<>(fx.errors().subList(baselineErrors, fx.errors().size()));
        assertThat(added).as("new error-log records").singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(code.kind());
            assertThat(e.path()).isEqualTo(path);
            assertNoSecret(e.info() + " " + e.data() + " " + e.path());
        });
        assertThat(StoreSnapshot.of(fx.store)).as("nothing persisted").isEqualTo(baseline);
        String logged = LogScanner.since(baselineLog);
        assertThat(logged).as("log lines of the refusal").contains(code.kind());
        assertNoSecret(logged);
        return added.get(0);
    }

    static void assertNoSecret(String text) {
        for (String marker : Secrets.markers()) {
            assertThat(text).as("must not contain a secret").doesNotContain(marker);
        }
    }

    @Override
    public void close() {
        idp.close();
    }
}
