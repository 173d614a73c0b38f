package io.gatehouse.sso.provider.keycloak;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak by server URL + realm (or realm URL), against an IdP serving the realm's endpoints. */
class KeycloakLoginTest {
    FakeIdp keycloak;
    EngineFixture fx;

    @BeforeEach
    void setUp() {
        keycloak = new FakeIdp("/realms/inventree");
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        keycloak.close();
    }

    LoginOutcome login(LoginEngine engine) {
        LoginOutcome begun = engine.beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
        assertThat(begun).isInstanceOf(LoginOutcome.Redirect.class);
        LoginOutcome.Redirect r = (LoginOutcome.Redirect) begun;
        var q = LoginDance.query(r.location());
        keycloak.answerWithIdToken(keycloak.sign(keycloak.claims(q.get("nonce").get(0))
                .claim("groups", List.of("/inventree/admins")).build()));
        return engine.completeLogin("keycloak", new CallbackRequest(Map.of("state", q.get("state"), "code", List.of("kc-code")),
                Map.of(r.cookie().name(), r.cookie().value()), EngineFixture.BASE, null));
    }

    @Test
    void serverUrlAndRealmFromSocialProvidersFindTheRealm() {
        fx.addApp("keycloak", "Company Keycloak", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("fetch_userinfo", false));
        LoginEngine engine = fx.engine(Map.of("social_providers", Map.of("keycloak",
                Map.of("KEYCLOAK_URL", keycloak.origin() + "/", "KEYCLOAK_REALM", "inventree"))), new KeycloakBackend());

        LoginOutcome outcome = login(engine);

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(fx.store.find("keycloak", "subject-1").orElseThrow().extraData())
                .containsEntry("groups", List.of("/inventree/admins"));
    }

    @Test
    void aFullRealmUrlWorksAsServerUrl() {
        fx.addApp("keycloak", "Company Keycloak", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET,
                Map.of("server_url", keycloak.issuer(), "fetch_userinfo", false));

        assertThat(login(fx.engine(new KeycloakBackend()))).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void theDefaultScopeIsOpenidProfileEmail() {
        fx.addApp("keycloak", "KC", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("server_url", keycloak.issuer()));

        LoginOutcome.Redirect r = (LoginOutcome.Redirect) fx.engine(new KeycloakBackend())
                .beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(LoginDance.query(r.location()).get("scope")).containsExactly("openid profile email");
        assertThat(r.location().toString()).startsWith(keycloak.issuer() + "/authorize?");
    }

    @Test
    void aMissingRealmIsAClearConfigurationFailure() {
        fx.addApp("keycloak", "KC", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("KEYCLOAK_URL", keycloak.origin()));

        LoginOutcome outcome = fx.engine(new KeycloakBackend())
                .beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
        assertThat(fx.errors()).singleElement().satisfies(e -> assertThat(e.info()).contains("KEYCLOAK_REALM"));
    }

    @Test
    void aServerUrlThatIsNotARealmUrlIsRefused() {
        fx.addApp("keycloak", "KC", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("server_url", keycloak.origin()));

        LoginOutcome outcome = fx.engine(new KeycloakBackend())
                .beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
    }

    @Test
    void theKeycloakModuleRegistersThroughServiceLoader() {
        assertThat(io.gatehouse.sso.core.provider.ProviderRegistry.load(List.of("keycloak")).find("keycloak"))
                .hasValueSatisfying(b -> assertThat(b).isInstanceOf(KeycloakBackend.class));
    }
}
