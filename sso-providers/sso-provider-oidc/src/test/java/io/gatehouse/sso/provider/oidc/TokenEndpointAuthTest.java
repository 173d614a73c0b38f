package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.testidp.FakeIdp;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the client authenticates at the token endpoint: basic by default, post when the app says so. */
class TokenEndpointAuthTest {
    final FakeIdp idp = new FakeIdp();

    @AfterEach
    void tearDown() {
        idp.close();
    }

    RecordedRequest tokenRequestWith(Map<String, Object> settings) {
        EngineFixture fx = new EngineFixture();
        fx.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, settings);
        LoginEngine engine = fx.engine(new OpenIdConnectBackend());
        LoginOutcome.Redirect r = (LoginOutcome.Redirect) engine.beginLogin("openid_connect",
                new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
        var q = LoginDance.query(r.location());
        idp.answerWithIdToken(idp.sign(idp.claims(q.get("nonce").get(0)).build()));
        LoginOutcome outcome = engine.completeLogin("openid_connect", new CallbackRequest(
                Map.of("state", q.get("state"), "code", List.of("the-code")), Map.of(r.cookie().name(), r.cookie().value()),
                EngineFixture.BASE, null));
        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        return idp.tokenRequests().get(idp.tokenRequests().size() - 1);
    }

    @Test
    void clientSecretBasicIsTheDefault() {
        RecordedRequest request = tokenRequestWith(Map.of("server_url", idp.issuer(), "fetch_userinfo", false));

        assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
        assertThat(request.getBody().utf8()).doesNotContain("client_secret=")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Faccounts%2Fopenid_connect%2Flogin%2Fcallback%2F");
    }

    @Test
    void clientSecretPostSendsTheCredentialsInTheBody() {
        RecordedRequest request = tokenRequestWith(Map.of("server_url", idp.issuer(), "fetch_userinfo", false,
                "token_auth_method", "client_secret_post"));

        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getBody().utf8()).contains("client_id=" + FakeIdp.CLIENT_ID, "client_secret=" + FakeIdp.CLIENT_SECRET);
    }
}
