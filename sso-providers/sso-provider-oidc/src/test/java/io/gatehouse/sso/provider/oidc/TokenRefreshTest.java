package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.spi.SocialToken;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code engine.tokens()}: a valid access token for (user, provider), refreshed at the token endpoint when it expires
 * within the skew, once however many callers ask at the same time; every failure typed, logged, and the stored token
 * cleared only when the IdP revoked it.
 */
class TokenRefreshTest {
    final SessionBench bench = new SessionBench();
    final AtomicInteger refreshes = new AtomicInteger();
    LoginOutcome.SignedIn ada;

    @BeforeEach
    void adaSignedIn() {
        ada = bench.signIn("ada", "sid-1");
    }

    @AfterEach
    void close() {
        bench.close();
    }

    static String form(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    /** The token endpoint answers refresh grants with a new access token (and this refresh token, when not null). */
    void refreshAnswers(String refreshToken) {
        bench.idp.answerToken(r -> {
            if (!form(r).contains("grant_type=refresh_token")) {
                return FakeIdp.json(400, "{\"error\":\"unsupported_grant_type\"}");
            }
            int n = refreshes.incrementAndGet();
            return FakeIdp.json(200, "{\"access_token\":\"refreshed-access-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":300"
                    + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"") + "}");
        });
    }

    TokenOutcome current() {
        return bench.engine.tokens().current(ada.user().id(), SessionBench.ROUTE, EngineFixture.BASE);
    }

    SocialToken stored() {
        return bench.fx.store.findToken(SessionBench.ROUTE, "ada").orElse(null);
    }

    void assertFailed(TokenOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOfSatisfying(TokenOutcome.Failed.class, f -> assertThat(f.failure().code()).isEqualTo(code));
        assertThat(bench.fx.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(code.kind());
            assertThat(e.data()).contains("provider=openid_connect", "user=" + ada.user().id());
            assertThat(e.info() + e.data()).doesNotContain("access-token-value-xyz", "refresh-token-value-xyz", FakeIdp.CLIENT_SECRET);
        });
    }

    @Test
    void aTokenThatIsStillValidIsReturnedWithoutAskingTheIdp() {
        refreshAnswers("refresh-2");

        assertThat(current()).isEqualTo(new TokenOutcome.Current("access-token-value-xyz", stored().expiresAt(), false));
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aTokenThatExpiresWithinTheSkewIsRefreshedWithTheStoredRefreshTokenAndStored() {
        refreshAnswers("refresh-2");
        bench.clock.advance(Duration.ofSeconds(3600 - 30));

        TokenOutcome outcome = current();

        assertThat(outcome).isInstanceOfSatisfying(TokenOutcome.Current.class, c -> {
            assertThat(c.accessToken()).isEqualTo("refreshed-access-1");
            assertThat(c.refreshed()).isTrue();
            assertThat(c.expiresAt()).isEqualTo(bench.clock.instant().plusSeconds(300));
        });
        assertThat(form(bench.idp.tokenRequests().get(1))).contains("grant_type=refresh_token",
                "refresh_token=refresh-token-value-xyz");
        assertThat(stored()).isEqualTo(new SocialToken("refreshed-access-1", "refresh-2", bench.clock.instant().plusSeconds(300)));
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    void aRefreshAnswerWithoutRefreshTokenKeepsTheStoredOne() {
        refreshAnswers(null);

        bench.engine.tokens().refresh(ada.user().id(), SessionBench.ROUTE, EngineFixture.BASE);

        assertThat(stored().refreshToken()).isEqualTo("refresh-token-value-xyz");
        assertThat(stored().accessToken()).isEqualTo("refreshed-access-1");
    }

    @Test
    void aForcedRefreshRenewsATokenThatIsStillValid() {
        refreshAnswers("refresh-2");

        TokenOutcome outcome = bench.engine.tokens().refresh(ada.user().id(), SessionBench.ROUTE, EngineFixture.BASE);

        assertThat(((TokenOutcome.Current) outcome).accessToken()).isEqualTo("refreshed-access-1");
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void concurrentCallersForOneExpiredTokenCauseOneRefreshAndAllGetItsResult() throws Exception {
        bench.idp.answerToken(r -> {
            refreshes.incrementAndGet();
            // slow enough for every caller to arrive while the first refresh is under way
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"access_token\":\"refreshed-once\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                            + "\"refresh_token\":\"refresh-2\"}").headersDelay(400, TimeUnit.MILLISECONDS).build();
        });
        bench.clock.advance(Duration.ofHours(2));
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<TokenOutcome>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return current();
                }));
            }
            start.countDown();
            for (Future<TokenOutcome> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(TokenOutcome.Current.class,
                        c -> assertThat(c.accessToken()).isEqualTo("refreshed-once"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refreshes).hasValue(1);
        assertThat(stored().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void anInvalidGrantClearsTheStoredTokensWithATypedFailure() {
        bench.idp.answerToken(r -> FakeIdp.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"));
        bench.clock.advance(Duration.ofHours(2));

        assertFailed(current(), FailureCode.REFRESH_REVOKED);
        assertThat(stored()).isNull();
        assertThat(bench.fx.store.find(SessionBench.ROUTE, "ada")).as("the link stays").isPresent();
        assertThat(bench.fx.errors().get(0).info()).contains("invalid_grant", "Session not active");
    }

    @Test
    void anotherRefusalIsARefreshFailureThatKeepsTheToken() {
        bench.idp.answerToken(r -> FakeIdp.json(401, "{\"error\":\"invalid_client\"}"));
        bench.clock.advance(Duration.ofHours(2));
        SocialToken before = stored();

        assertFailed(current(), FailureCode.REFRESH_FAILED);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTokenEndpointAnsweringGarbageIsAnInvalidAnswerThatKeepsTheToken() {
        bench.idp.answerToken(r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>maintenance</html>").build());
        bench.clock.advance(Duration.ofHours(2));
        SocialToken before = stored();

        assertFailed(current(), FailureCode.IDP_RESPONSE_INVALID);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aSlowTokenEndpointTimesOutAsUnreachableAndKeepsTheToken() {
        bench.idp.answerToken(r -> FakeIdp.json(200, "{}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
        bench.clock.advance(Duration.ofHours(2));
        SocialToken before = stored();

        assertFailed(bench.withDeadline(Duration.ofMillis(1500)).tokens().current(ada.user().id(), SessionBench.ROUTE,
                EngineFixture.BASE), FailureCode.IDP_UNREACHABLE);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTokenEndpointThatIsDownIsUnreachableAndKeepsTheToken() {
        bench.clock.advance(Duration.ofHours(2));
        SocialToken before = stored();
        bench.idp.close();

        assertFailed(current(), FailureCode.IDP_UNREACHABLE);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aUserWithoutAStoredTokenGetsATypedFailure() {
        bench.fx.store.replaceToken(SessionBench.ROUTE, "ada", stored(), null);

        assertFailed(current(), FailureCode.TOKEN_MISSING);
    }

    @Test
    void aUserWithoutAnIdentityAtTheProviderGetsATypedFailure() {
        TokenOutcome outcome = bench.engine.tokens().current(ada.user().id(), "github", EngineFixture.BASE);

        assertThat(((TokenOutcome.Failed) outcome).failure().code()).isEqualTo(FailureCode.TOKEN_MISSING);
    }

    @Test
    void anExpiredTokenWithoutRefreshTokenCannotBeRenewed() {
        SocialToken noRefresh = new SocialToken("access-only", null, bench.clock.instant().plusSeconds(10));
        bench.fx.store.replaceToken(SessionBench.ROUTE, "ada", stored(), noRefresh);

        assertFailed(current(), FailureCode.REFRESH_TOKEN_MISSING);
        assertThat(stored()).isEqualTo(noRefresh);
    }
}
