package io.gatehouse.sso.provider.microsoft;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatehouse.sso.provider.microsoft.FakeMicrosoft.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft's refresh semantics, replayed: refresh tokens come with the {@code offline_access} scope, every refresh
 * answers a new refresh token (rotation) that must replace the stored one, the v2.0 endpoint is given the scopes again,
 * and a refresh token used after its rotation is refused with {@code invalid_grant}, which clears the stored tokens.
 */
class MicrosoftRefreshTest {
    final LoginDance dance = new LoginDance();
    final AdjustableClock clock = AdjustableClock.followingSystemTime();
    final AtomicInteger rotations = new AtomicInteger();
    FakeMicrosoft microsoft;
    EngineFixture fx;
    LoginEngine engine;
    String userId;

    @BeforeEach
    void adaSignedIn() {
        microsoft = new FakeMicrosoft();
        fx = new EngineFixture().clock(clock);
        Map<String, Object> settings = new HashMap<>(Map.of("login_url", microsoft.base(), "graph_url", microsoft.base(),
                "verified_email_domains", List.of("contoso.com"), "SCOPE", List.of("openid", "email", "profile", "User.Read", "offline_access")));
        fx.addApp("microsoft", "Microsoft", FakeMicrosoft.CLIENT_ID, FakeMicrosoft.CLIENT_SECRET, settings);
        engine = fx.engine(Map.of("social_providers", Map.of("microsoft", Map.of("TENANT", TENANT_A))), new MicrosoftBackend());
        microsoft.issueRefreshToken("0.AXoA-rt-0");
        // Microsoft rotates: each refresh answers a new refresh token, and refuses one that was already rotated away
        microsoft.answerRefresh(r -> {
            String presented = form(r).replaceAll(".*refresh_token=([^&]*).*", "$1");
            if (!presented.equals("0.AXoA-rt-" + rotations.get())) {
                return FakeMicrosoft.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: The provided "
                        + "value for the 'refresh_token' is not valid.\"}");
            }
            int n = rotations.incrementAndGet();
            return FakeMicrosoft.json(200, "{\"token_type\":\"Bearer\",\"scope\":\"openid email profile User.Read\",\"expires_in\":4245,"
                    + "\"access_token\":\"eyJ0-refreshed-" + n + "\",\"refresh_token\":\"0.AXoA-rt-" + n + "\"}");
        });
        LoginOutcome outcome = dance.login(engine, "microsoft");
        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        userId = ((LoginOutcome.SignedIn) outcome).user().id();
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    static String form(RecordedRequest request) {
        return request.getBody().utf8();
    }

    TokenOutcome afterAnHour() {
        clock.advance(Duration.ofHours(2));
        return engine.tokens().current(userId, "microsoft", EngineFixture.BASE);
    }

    SocialToken stored() {
        return fx.store.findToken("microsoft", FakeMicrosoft.OID).orElse(null);
    }

    @Test
    void eachRefreshStoresTheRotatedRefreshTokenAndTheNextRefreshUsesIt() {
        assertThat(((TokenOutcome.Current) afterAnHour()).accessToken()).isEqualTo("eyJ0-refreshed-1");
        assertThat(stored().refreshToken()).isEqualTo("0.AXoA-rt-1");

        assertThat(((TokenOutcome.Current) afterAnHour()).accessToken()).isEqualTo("eyJ0-refreshed-2");
        assertThat(stored().refreshToken()).isEqualTo("0.AXoA-rt-2");
        assertThat(fx.errors()).isEmpty();
    }

    @Test
    void theRefreshRequestNamesTheScopesAgainAsTheV2EndpointWants() {
        afterAnHour();

        RecordedRequest refresh = microsoft.tokenRequests().get(1);
        assertThat(form(refresh)).contains("grant_type=refresh_token", "refresh_token=0.AXoA-rt-0", "scope=openid+email+profile+User.Read+offline_access");
    }

    @Test
    void aRefreshTokenThatWasRotatedAwayIsRefusedAndTheStoredTokensAreCleared() {
        afterAnHour();
        // another client of the same user (or a restored backup) puts the old refresh token back
        fx.store.replaceToken("microsoft", FakeMicrosoft.OID, stored(), new SocialToken("eyJ0-old", "0.AXoA-rt-0", clock.instant()));

        TokenOutcome outcome = afterAnHour();

        assertThat(outcome).isInstanceOfSatisfying(TokenOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.REFRESH_REVOKED));
        assertThat(stored()).isNull();
        assertThat(fx.errors()).singleElement().satisfies(e -> assertThat(e.info()).contains("invalid_grant", "AADSTS70000"));
    }
}
