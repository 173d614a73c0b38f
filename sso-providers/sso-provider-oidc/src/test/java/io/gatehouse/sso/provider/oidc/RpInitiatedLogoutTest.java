package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LogoutOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.core.transaction.LogoutTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out (OpenID Connect RP-Initiated Logout 1.0) through the engine: the session ends here, then the browser
 * goes to the IdP's end_session_endpoint with the ID token, our client id, the registered post-logout redirect URI and
 * a state that must come back to this browser, once.
 */
class RpInitiatedLogoutTest {
    SessionBench bench = new SessionBench("\"end_session_endpoint\":\"https://idp.example/logout\"");

    @AfterEach
    void close() {
        bench.close();
    }

    LogoutOutcome.Redirect signOut(LoginOutcome.SignedIn s, String next) {
        LogoutOutcome out = bench.engine.sessions().beginLogout(s.sessionId(), next, EngineFixture.BASE);
        assertThat(out).as("sign-out").isInstanceOf(LogoutOutcome.Redirect.class);
        return (LogoutOutcome.Redirect) out;
    }

    static String param(LogoutOutcome.Redirect r, String name) {
        List<String> values = LoginDance.query(r.location()).get(name);
        return values == null ? null : values.get(0);
    }

    LogoutOutcome back(Map<String, List<String>> params, Map<String, String> cookies) {
        return bench.engine.sessions().completeLogout(new CallbackRequest(params, cookies, EngineFixture.BASE, null));
    }

    LogoutOutcome backWith(LogoutOutcome.Redirect r, String state) {
        return back(Map.of("state", List.of(state)), Map.of(r.cookie().name(), r.cookie().value()));
    }

    @Test
    void aSignInStartsALiveSession() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");

        assertThat(ada.sessionId()).isNotBlank();
        assertThat(bench.live(ada)).isTrue();
    }

    @Test
    void signingOutEndsTheSessionAndSendsTheBrowserToTheIdpWithHintClientIdRedirectUriAndState() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");

        LogoutOutcome.Redirect r = signOut(ada, "/bye/");

        assertThat(bench.live(ada)).isFalse();
        assertThat(r.location().toString()).startsWith("https://idp.example/logout?");
        assertThat(param(r, "id_token_hint")).isNotBlank().contains(".");
        assertThat(param(r, "client_id")).isEqualTo(FakeIdp.CLIENT_ID);
        assertThat(param(r, "post_logout_redirect_uri")).isEqualTo("http://localhost:8000/accounts/logout/callback/");
        assertThat(param(r, "state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(r.cookie().name()).isEqualTo(LogoutTransaction.COOKIE);
        assertThat(r.cookie().path()).isEqualTo("/accounts/");
        assertThat(r.next()).isEqualTo("/bye/");
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    void theIdpsRedirectBackWithTheStateEndsTheSignOutAtNext() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "/bye/");

        assertThat(backWith(r, param(r, "state"))).isEqualTo(new LogoutOutcome.Done("/bye/"));
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    void aStateThatDoesNotMatchTheBrowsersLogoutIsRefusedWithAnErrorLogRecord() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "/bye/");

        LogoutOutcome out = backWith(r, "another-state-0123456789abcdef");

        assertThat(out).isInstanceOfSatisfying(LogoutOutcome.Failed.class, f -> {
            assertThat(f.failure().code()).isEqualTo(FailureCode.LOGOUT_STATE_MISMATCH);
            assertThat(f.next()).isEqualTo("/");
        });
        assertThat(bench.fx.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("sso.logout_state_mismatch");
            assertThat(e.path()).isEqualTo("auth:/accounts/logout/callback/");
            assertThat(e.info() + e.data()).doesNotContain(r.cookie().value());
        });
    }

    @Test
    void aLogoutAnswerWithoutTheLogoutCookieIsRefused() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "/bye/");

        LogoutOutcome out = back(Map.of("state", List.of(param(r, "state"))), Map.of());

        assertThat(((LogoutOutcome.Failed) out).failure().code()).isEqualTo(FailureCode.LOGOUT_STATE_MISMATCH);
    }

    @Test
    void aLogoutAnswerWithoutStateIsRefused() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "/bye/");

        LogoutOutcome out = back(Map.of(), Map.of(r.cookie().name(), r.cookie().value()));

        assertThat(((LogoutOutcome.Failed) out).failure().code()).isEqualTo(FailureCode.LOGOUT_STATE_MISMATCH);
    }

    @Test
    void anExpiredLogoutCookieIsRefused() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "/bye/");
        bench.clock.advance(Duration.ofMinutes(11));

        assertThat(((LogoutOutcome.Failed) backWith(r, param(r, "state"))).failure().code())
                .isEqualTo(FailureCode.LOGOUT_STATE_MISMATCH);
    }

    @Test
    void aLogoutAnswerPresentedTwiceIsRefusedTheSecondTime() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "/bye/");
        assertThat(backWith(r, param(r, "state"))).isInstanceOf(LogoutOutcome.Done.class);

        LogoutOutcome again = backWith(r, param(r, "state"));

        assertThat(again).isInstanceOfSatisfying(LogoutOutcome.Failed.class, f -> {
            assertThat(f.failure().code()).isEqualTo(FailureCode.LOGOUT_STATE_REPLAYED);
            assertThat(f.next()).isEqualTo("/bye/");
        });
    }

    @Test
    void aNextThatIsNotOursBecomesTheSiteRoot() {
        LogoutOutcome.Redirect r = signOut(bench.signIn("ada", "sid-1"), "https://evil.example/");

        assertThat(r.next()).isEqualTo("/");
        assertThat(backWith(r, param(r, "state"))).isEqualTo(new LogoutOutcome.Done("/"));
    }

    @Test
    void aSessionThatHadEndedElsewhereIsSignedOutLocallyWithoutTheIdp() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");
        bench.engine.sessions().beginLogout(ada.sessionId(), "/", EngineFixture.BASE);

        assertThat(bench.engine.sessions().beginLogout(ada.sessionId(), "/again/", EngineFixture.BASE))
                .isEqualTo(new LogoutOutcome.Done("/again/"));
    }

    @Test
    void withoutASessionASignOutIsLocal() {
        assertThat(bench.engine.sessions().beginLogout(null, "/x/", EngineFixture.BASE)).isEqualTo(new LogoutOutcome.Done("/x/"));
        assertThat(bench.engine.sessions().beginLogout("unknown-session", "/x/", EngineFixture.BASE))
                .isEqualTo(new LogoutOutcome.Done("/x/"));
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    void signingOutOneSessionLeavesTheUsersOtherSessionsLive() {
        LoginOutcome.SignedIn laptop = bench.signIn("ada", "sid-1");
        LoginOutcome.SignedIn phone = bench.signIn("ada", "sid-2");

        signOut(laptop, "/");

        assertThat(bench.live(phone)).isTrue();
    }

    @Test
    void anIdpWithoutEndSessionEndpointGetsALocalSignOutOnly() {
        try (SessionBench plain = new SessionBench()) {
            LoginOutcome.SignedIn ada = plain.signIn("ada", "sid-1");

            assertThat(plain.engine.sessions().beginLogout(ada.sessionId(), "/bye/", EngineFixture.BASE))
                    .isEqualTo(new LogoutOutcome.Done("/bye/"));
            assertThat(plain.live(ada)).isFalse();
        }
    }

    @Test
    void aSessionOlderThanTheMaximumAgeIsNoLongerLive() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");

        bench.clock.advance(Duration.ofHours(24));

        assertThat(bench.live(ada)).isFalse();
    }
}
