package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code AUTH_PARAMS} on an OpenID Connect app: extra parameters reach the authorization URL; reserved ones are refused. */
class AuthParamsTest {
    final FakeIdp idp = new FakeIdp();
    final EngineFixture fx = new EngineFixture();

    @AfterEach
    void tearDown() {
        idp.close();
    }

    LoginOutcome begin(Map<String, String> authParams) {
        fx.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET,
                Map.of("server_url", idp.issuer(), "AUTH_PARAMS", authParams));
        LoginEngine engine = fx.engine(new OpenIdConnectBackend());
        return engine.beginLogin("openid_connect", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
    }

    @Test
    void addedParametersAppearInTheAuthorizationUrl() {
        LoginOutcome.Redirect redirect = (LoginOutcome.Redirect) begin(Map.of("prompt", "select_account", "login_hint", "ada@example.com"));

        assertThat(LoginDance.query(redirect.location())).containsEntry("prompt", List.of("select_account"))
                .containsEntry("login_hint", List.of("ada@example.com")).containsEntry("response_type", List.of("code"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.gatehouse.sso.testidp.ReservedAuthParams#names")
    void aReservedParameterIsRefusedAsAConfigurationErrorNamingIt(String reserved) {
        LoginOutcome.Failed failed = (LoginOutcome.Failed) begin(Map.of(reserved, "attacker-chosen", "prompt", "login"));

        assertThat(failed.failure().code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(fx.errors()).extracting(e -> e.info()).singleElement().asString().contains("AUTH_PARAMS may not set [" + reserved + "]");
    }
}
