package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HaltedLogin;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every login calls the IdP's token and userinfo endpoints; over kept-alive connections these calls reuse a
 * handful of TCP (and, against a real IdP, TLS) connections instead of opening two per login.
 */
class KeptAliveConnectionsTest {
    final FakeIdp idp = new FakeIdp();

    @AfterEach
    void tearDown() {
        idp.close();
    }

    @Test
    void fiftyLoginsReuseAHandfulOfConnectionsToTheIdp() {
        EngineFixture fx = new EngineFixture();
        fx.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("server_url", idp.issuer(),
                "fetch_userinfo", true));
        LoginEngine engine = fx.engine(new OpenIdConnectBackend());
        idp.answerUserInfo(r -> FakeIdp.json(200, "{\"sub\":\"subject-1\"}"));

        for (int i = 0; i < 50; i++) {
            HaltedLogin login = HaltedLogin.begin(engine, "openid_connect");
            idp.answerWithIdToken(idp.sign(idp.claims(login.nonce()).build()));
            assertThat(login.complete(engine, "authorization-code-value-" + i)).isInstanceOf(LoginOutcome.SignedIn.class);
        }

        assertThat(idp.tokenRequests()).hasSize(50);
        assertThat(idp.connectionsAccepted()).as("TCP connections for discovery, JWKS and 100 token and userinfo calls")
                .isLessThanOrEqualTo(3);
    }
}
