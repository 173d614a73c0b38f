package io.gatehouse.sso.provider.oidc;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HaltedLogin;
import io.gatehouse.sso.testidp.FakeIdp;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ID token validation and token-endpoint failures against an IdP whose answers we forge: each case
 * ends in its typed failure, an error-log record without secrets, and nothing persisted.
 */
class HostileIdTokenTest {
    FakeIdp idp;
    EngineFixture fx;
    LoginEngine engine;

    @BeforeEach
    void setUp() {
        idp = new FakeIdp();
        fx = new EngineFixture();
        fx.addOidcApp(idp);
        engine = fx.engine(Map.of("http_timeout_ms", "1500"), new OpenIdConnectBackend());
    }

    @AfterEach
    void tearDown() {
        idp.close();
    }

    /** A login started and stopped at the IdP: we play the IdP's redirect back ourselves. */
    HaltedLogin begin() {
        return HaltedLogin.begin(engine, "openid_connect");
    }

    LoginOutcome complete(HaltedLogin p) {
        return p.complete(engine, "authorization-code-value");
    }

    LoginOutcome loginWith(java.util.function.Function<HaltedLogin, String> idToken) {
        HaltedLogin p = begin();
        idp.answerWithIdToken(idToken.apply(p));
        return complete(p);
    }

    void assertRefused(LoginOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(code));
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(code.kind());
            assertThat(e.path()).isEqualTo("auth:/accounts/openid_connect/login/callback/");
            assertThat(e.info() + e.data()).doesNotContain("authorization-code-value", FakeIdp.CLIENT_SECRET,
                    "access-token-value-xyz", "refresh-token-value-xyz");
        });
    }

    @Test
    void aValidlySignedTokenSignsIn() {
        LoginOutcome outcome = loginWith(p -> idp.sign(idp.claims(p.nonce()).build()));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(idp.tokenRequests()).singleElement().satisfies(r -> {
            String body = r.getBody().utf8();
            assertThat(body).contains("grant_type=authorization_code", "code_verifier=");
            assertThat(r.getHeaders().get("Authorization")).startsWith("Basic ");
        });
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyIsRefused() {
        assertRefused(loginWith(p -> idp.sign(idp.claims(p.nonce()).build(), idp.strangerKey(), true)),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTamperedTokenIsRefused() {
        assertRefused(loginWith(p -> {
            String[] parts = idp.sign(idp.claims(p.nonce()).build()).split("\\.");
            String forged = idp.sign(idp.claims(p.nonce()).subject("admin").build()).split("\\.")[1];
            return parts[0] + "." + forged + "." + parts[2];
        }), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        assertRefused(loginWith(p -> idp.unsigned(idp.claims(p.nonce()).build())), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRefused() {
        assertRefused(loginWith(p -> idp.signHs256WithPublicKey(idp.claims(p.nonce()).build())),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aWrongIssuerIsRefused() {
        assertRefused(loginWith(p -> idp.sign(idp.claims(p.nonce()).issuer("https://evil.example").build())),
                FailureCode.ISSUER_MISMATCH);
    }

    @Test
    void anAudienceOfAnotherClientIsRefused() {
        assertRefused(loginWith(p -> idp.sign(idp.claims(p.nonce()).audience("someone-else").build())),
                FailureCode.AUDIENCE_MISMATCH);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        assertRefused(loginWith(p -> idp.sign(idp.claims(p.nonce()).issueTime(past)
                .expirationTime(new Date(past.getTime() + 60_000)).build())), FailureCode.ID_TOKEN_EXPIRED);
    }

    @Test
    void aWrongNonceIsRefused() {
        assertRefused(loginWith(p -> idp.sign(idp.claims("another-login-nonce").build())), FailureCode.NONCE_MISMATCH);
    }

    @Test
    void aMissingNonceIsRefused() {
        assertRefused(loginWith(p -> idp.sign(new JWTClaimsSet.Builder(idp.claims(p.nonce()).build()).claim("nonce", null).build())),
                FailureCode.NONCE_MISMATCH);
    }

    @Test
    void aRotatedKeyIsPickedUpWithOneJwksRefresh() {
        assertThat(loginWith(p -> idp.sign(idp.claims(p.nonce()).build()))).isInstanceOf(LoginOutcome.SignedIn.class);
        int fetchesBefore = idp.jwksFetches();
        RSAKey rotated = idp.rotate();

        LoginOutcome outcome = loginWith(p -> idp.sign(idp.claims(p.nonce()).build(), rotated, true));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(idp.jwksFetches()).isEqualTo(fetchesBefore + 1);
    }

    @Test
    void theJwksIsFetchedOnceForManyLogins() {
        for (int i = 0; i < 5; i++) {
            assertThat(loginWith(p -> idp.sign(idp.claims(p.nonce()).build()))).isInstanceOf(LoginOutcome.SignedIn.class);
        }
        assertThat(idp.jwksFetches()).isEqualTo(1);
    }

    @Test
    void aTokenEndpointErrorJsonIsATypedRefusalNamingTheError() {
        HaltedLogin p = begin();
        idp.answerToken(r -> FakeIdp.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Code expired\"}"));

        assertRefused(complete(p), FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(fx.errors().get(0).info()).contains("error=invalid_grant");
    }

    @Test
    void aTokenEndpointHtmlErrorPageIsATypedRefusal() {
        HaltedLogin p = begin();
        idp.answerToken(r -> new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body>Bad gateway</body></html>").build());

        assertRefused(complete(p), FailureCode.TOKEN_EXCHANGE_FAILED);
    }

    @Test
    void aTokenEndpointThatNeverAnswersTimesOut() {
        HaltedLogin p = begin();
        idp.answerToken(r -> new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).body("{}").build());

        assertRefused(complete(p), FailureCode.IDP_UNREACHABLE);
    }

    @Test
    void aHugeTokenResponseIsRefusedWithoutReadingItWhole() {
        HaltedLogin p = begin();
        idp.answerToken(r -> FakeIdp.json(200, "{\"access_token\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}"));

        assertRefused(complete(p), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void aDeadIdpIsATypedFailureNotAHang() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Dead", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET,
                Map.of("server_url", "http://127.0.0.1:" + deadPort + "/realm"));
        engine = fx.engine(new OpenIdConnectBackend());

        LoginOutcome outcome = engine.beginLogin("openid_connect", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.IDP_UNREACHABLE));
    }

    @Test
    void aDiscoveryDocumentDeclaringAnotherIssuerIsRefused() {
        idp.declareIssuer("https://impostor.example");

        LoginOutcome outcome = engine.beginLogin("openid_connect", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.ISSUER_MISMATCH));
    }

    @Test
    void userinfoWithAnotherSubjectIsRefused() {
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("server_url", idp.issuer(),
                "fetch_userinfo", true));
        engine = fx.engine(new OpenIdConnectBackend());
        idp.answerUserInfo(r -> FakeIdp.json(200, "{\"sub\":\"somebody-else\",\"email\":\"x@example.com\"}"));

        assertRefused(loginWith(p -> idp.sign(idp.claims(p.nonce()).build())), FailureCode.USERINFO_SUBJECT_MISMATCH);
    }

    @Test
    void userinfoClaimsAreMergedWhenItsSubjectMatches() {
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("server_url", idp.issuer()));
        engine = fx.engine(new OpenIdConnectBackend());
        idp.answerUserInfo(r -> FakeIdp.json(200, "{\"sub\":\"subject-1\",\"groups\":[\"/staff\"]}"));

        LoginOutcome outcome = loginWith(p -> idp.sign(idp.claims(p.nonce()).build()));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(fx.store.find("openid_connect", "subject-1").orElseThrow().extraData())
                .containsEntry("groups", List.of("/staff")).containsEntry("email", "ada@example.com");
    }

    @Test
    void noSecretTokenOrCodeReachesTheLogFile() throws IOException {
        aTokenEndpointErrorJsonIsATypedRefusalNamingTheError();
        loginWith(p -> idp.sign(idp.claims(p.nonce()).build()));

        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test.log"));
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("sso.token_exchange_failed")
                .doesNotContain("authorization-code-value", FakeIdp.CLIENT_SECRET, "access-token-value-xyz", "refresh-token-value-xyz");
    }
}
