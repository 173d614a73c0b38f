package io.gatehouse.sso.provider.oidc;

import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.oidc.JwksCache;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HaltedLogin;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testkit.AdjustableClock;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWKS cache over time, through whole logins: refreshed ahead of its expiry, refreshed for an unknown key at
 * most once per rate-limit window, and kept through an outage of the IdP's JWKS endpoint for the outage window.
 * The engine runs on an adjustable clock, which Nimbus's cache layers follow, so no test waits for the cache.
 */
class JwksCacheLoginTest {
    final FakeIdp idp = new FakeIdp();
    final AdjustableClock clock = AdjustableClock.followingSystemTime();
    final EngineFixture fx = new EngineFixture().clock(clock);
    LoginEngine engine;

    @BeforeEach
    void setUp() {
        fx.addOidcApp(idp);
        engine = fx.engine(Map.of("http_timeout_ms", "1500"), new OpenIdConnectBackend());
    }

    @AfterEach
    void tearDown() {
        idp.close();
    }

    LoginOutcome loginSignedBy(RSAKey key) {
        HaltedLogin login = HaltedLogin.begin(engine, "openid_connect");
        idp.answerWithIdToken(idp.sign(idp.claims(login.nonce(), clock.instant()).build(), key, true));
        return login.complete(engine, "authorization-code-value");
    }

    LoginOutcome login() {
        return loginSignedBy(idp.signingKey());
    }

    static void assertFailed(LoginOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> assertThat(f.failure().code()).isEqualTo(code));
    }

    /** The refresh ahead runs in Nimbus's background thread; it is done when the IdP has seen the download. */
    void awaitJwksFetches(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (idp.jwksFetches() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(idp.jwksFetches()).isEqualTo(expected);
    }

    @Test
    void theKeySetIsRefreshedAheadOfItsExpirySoNoLoginWaitsForTheDownload() throws InterruptedException {
        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(idp.jwksFetches()).isEqualTo(1);

        // inside the refresh-ahead window the cached set is still valid: the login uses it and a refresh starts
        clock.advance(JwksCache.TIME_TO_LIVE.minus(JwksCache.REFRESH_AHEAD.dividedBy(2)));
        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        awaitJwksFetches(2);

        // past the first set's expiry the refreshed set serves without another download
        clock.advance(JwksCache.REFRESH_AHEAD);
        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(idp.jwksFetches()).isEqualTo(2);
    }

    @Test
    void unknownKeysCauseAtMostOneRefetchPerRateLimitWindow() {
        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);

        for (int i = 0; i < 5; i++) {
            assertFailed(loginSignedBy(idp.strangerKey()), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        }
        assertThat(idp.jwksFetches()).as("downloads: the first, then one for five unknown keys").isEqualTo(2);

        clock.advance(JwksCache.RATE_LIMIT.plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            assertFailed(loginSignedBy(idp.strangerKey()), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        }
        assertThat(idp.jwksFetches()).as("one more in the next window").isEqualTo(3);
        assertThat(login()).as("the published key still signs in").isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void aRotatedKeyIsFoundOnceTheWindowOfAnEarlierUnknownKeyHasPassed() {
        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        assertFailed(loginSignedBy(idp.strangerKey()), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        RSAKey rotated = idp.rotate();

        assertFailed(loginSignedBy(rotated), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        clock.advance(JwksCache.RATE_LIMIT.plusSeconds(1));

        assertThat(loginSignedBy(rotated)).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void loginsGoOnWhileTheJwksEndpointIsDownWithinTheOutageWindowAndFailTypedAfterIt() {
        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        idp.answerJwks(r -> new MockResponse.Builder().code(503).body("maintenance").build());

        clock.advance(JwksCache.TIME_TO_LIVE.plusMinutes(1));
        assertThat(login()).as("cache expired, endpoint down, inside the outage window").isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(idp.jwksFetches()).as("the expired cache did try the endpoint").isGreaterThan(1);

        clock.advance(JwksCache.OUTAGE_TOLERANCE);
        assertFailed(login(), FailureCode.IDP_UNREACHABLE);
        assertThat(fx.errors()).last().satisfies(e -> assertThat(e.info()).contains("jwks_uri", "HTTP 503"));

        idp.answerJwksWithPublishedKeys();
        clock.advance(JwksCache.RATE_LIMIT.plusSeconds(1));
        assertThat(login()).as("back once the endpoint is").isInstanceOf(LoginOutcome.SignedIn.class);
    }
}
