package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.BackChannelOutcome;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a valid back-channel logout (OpenID Connect Back-Channel Logout 1.0) ends through the engine: the sessions of
 * the IdP session it names, or every session of the user it names, and nothing else. The hostile tokens are in
 * sso-security-tests ({@code LogoutTokenTest}).
 */
class BackChannelLogoutTest {
    final SessionBench bench = new SessionBench();

    @AfterEach
    void close() {
        bench.close();
    }

    BackChannelOutcome receive(String logoutToken) {
        return bench.engine.sessions().backChannelLogout(SessionBench.ROUTE, Map.of("logout_token", List.of(logoutToken)),
                EngineFixture.BASE);
    }

    String token(String sub, String sid) {
        return bench.idp.signLogoutToken(bench.idp.logoutClaims(sub, sid, bench.clock.instant()).build());
    }

    @Test
    void aLogoutTokenNamingTheIdpSessionEndsThatSessionOnly() {
        LoginOutcome.SignedIn laptop = bench.signIn("ada", "sid-1");
        LoginOutcome.SignedIn phone = bench.signIn("ada", "sid-2");

        assertThat(receive(token(null, "sid-1"))).isEqualTo(new BackChannelOutcome.Accepted(1));

        assertThat(bench.live(laptop)).isFalse();
        assertThat(bench.live(phone)).isTrue();
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    void aLogoutTokenNamingOnlyTheUserEndsEverySessionOfThatUserAndNoOneElses() {
        LoginOutcome.SignedIn laptop = bench.signIn("ada", "sid-1");
        LoginOutcome.SignedIn phone = bench.signIn("ada", "sid-2");
        LoginOutcome.SignedIn bob = bench.signIn("bob", "sid-3");

        assertThat(receive(token("ada", null))).isEqualTo(new BackChannelOutcome.Accepted(2));

        assertThat(bench.live(laptop)).isFalse();
        assertThat(bench.live(phone)).isFalse();
        assertThat(bench.live(bob)).isTrue();
    }

    @Test
    void aLogoutTokenWithSubjectAndSidEndsTheSessionMatchingBoth() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");

        assertThat(receive(token("ada", "sid-1"))).isEqualTo(new BackChannelOutcome.Accepted(1));
        assertThat(bench.live(ada)).isFalse();
    }

    @Test
    void aLogoutForASessionTheUserAlreadySignedOutOfHereIsAcceptedAndEndsNothingMore() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");
        bench.engine.sessions().beginLogout(ada.sessionId(), "/", EngineFixture.BASE);

        assertThat(receive(token(null, "sid-1"))).isEqualTo(new BackChannelOutcome.Accepted(0));
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    void aLogoutTokenTypedAsAPlainJwtIsAcceptedFromIdpsThatPredateExplicitTyping() {
        LoginOutcome.SignedIn ada = bench.signIn("ada", "sid-1");

        String untyped = bench.idp.sign(bench.idp.logoutClaims(null, "sid-1", bench.clock.instant()).build());

        assertThat(receive(untyped)).isEqualTo(new BackChannelOutcome.Accepted(1));
        assertThat(bench.live(ada)).isFalse();
    }
}
