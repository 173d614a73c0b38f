package io.gatehouse.sso.provider.google;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.testkit.AdjustableClock;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.spi.SocialToken;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google's refresh semantics, replayed: a refresh token is issued only for offline access ({@code access_type=offline}),
 * and a refresh answers a new access token (and ID token) but no new refresh token, so the stored one must stay and
 * serve the next refresh too.
 */
class GoogleRefreshTest {
    static final String REFRESH_TOKEN = "1//0gLr-google-refresh-token";

    final LoginDance dance = new LoginDance();
    final AdjustableClock clock = AdjustableClock.followingSystemTime();
    final AtomicInteger refreshes = new AtomicInteger();
    FakeGoogle google;
    EngineFixture fx;
    LoginEngine engine;
    String userId;

    @BeforeEach
    void adaSignedIn() {
        google = new FakeGoogle();
        fx = new EngineFixture().clock(clock);
        fx.addApp("google", "Google", FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET, Map.of("discovery_url", google.discoveryUrl(),
                "AUTH_PARAMS", Map.of("access_type", "offline", "prompt", "consent")));
        engine = fx.engine(new GoogleBackend());
        google.answerRefresh(r -> FakeGoogle.json(200, "{\"access_token\":\"ya29.refreshed-" + refreshes.incrementAndGet()
                + "\",\"expires_in\":3599,\"scope\":\"openid email profile\",\"token_type\":\"Bearer\"}"));
    }

    @AfterEach
    void stop() {
        google.close();
    }

    void signIn() {
        LoginOutcome outcome = dance.login(engine, "google");
        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        userId = ((LoginOutcome.SignedIn) outcome).user().id();
    }

    TokenOutcome.Current refreshAfterAnHour() {
        clock.advance(Duration.ofHours(1));
        TokenOutcome outcome = engine.tokens().current(userId, "google", EngineFixture.BASE);
        assertThat(outcome).isInstanceOf(TokenOutcome.Current.class);
        return (TokenOutcome.Current) outcome;
    }

    static String form(RecordedRequest request) {
        return request.getBody().utf8();
    }

    @Test
    void theRefreshTokenGoogleIssuedOnceServesEveryRefreshBecauseGoogleSendsNoNewOne() {
        google.issueRefreshToken(REFRESH_TOKEN);
        signIn();

        assertThat(refreshAfterAnHour().accessToken()).isEqualTo("ya29.refreshed-1");
        assertThat(refreshAfterAnHour().accessToken()).isEqualTo("ya29.refreshed-2");

        SocialToken stored = fx.store.findToken("google", FakeGoogle.SUB).orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("ya29.refreshed-2");
        assertThat(stored.refreshToken()).isEqualTo(REFRESH_TOKEN);
        assertThat(google.tokenRequests()).hasSize(3);
        assertThat(google.tokenRequests().subList(1, 3)).allSatisfy(r ->
                assertThat(form(r)).contains("grant_type=refresh_token", "refresh_token=1%2F%2F0gLr-google-refresh-token"));
        assertThat(google.authorizeRequests().get(0).getUrl().queryParameter("access_type")).isEqualTo("offline");
        assertThat(fx.errors()).isEmpty();
    }

    @Test
    void withoutOfflineAccessGoogleIssuesNoRefreshTokenAndAnExpiredTokenCannotBeRenewed() {
        signIn();
        clock.advance(Duration.ofHours(1));

        TokenOutcome outcome = engine.tokens().current(userId, "google", EngineFixture.BASE);

        assertThat(outcome).isInstanceOfSatisfying(TokenOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.REFRESH_TOKEN_MISSING));
        assertThat(fx.errors()).singleElement().satisfies(e -> assertThat(e.info()).contains("access_type=offline"));
        assertThat(refreshes).hasValue(0);
    }
}
