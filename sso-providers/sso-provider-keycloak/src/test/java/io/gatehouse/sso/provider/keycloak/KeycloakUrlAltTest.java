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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * django-allauth's {@code KEYCLOAK_URL_ALT}: one Keycloak reached by the browser at {@code KEYCLOAK_URL} and by
 * this server at {@code KEYCLOAK_URL_ALT}. The fake Keycloak answers under both of its host names (localhost and
 * 127.0.0.1) and writes the browser's into its discovery document, as Keycloak does with a configured hostname.
 */
class KeycloakUrlAltTest {
    static final String REALM = "/realms/inventree";
    FakeIdp keycloak;
    EngineFixture fx;
    String browserUrl;
    String serverUrl;

    @BeforeEach
    void setUp() {
        keycloak = new FakeIdp(REALM);
        fx = new EngineFixture();
        fx.addApp("keycloak", "Company Keycloak", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("fetch_userinfo", false));
        browserUrl = keycloak.origin();
        serverUrl = browserUrl.contains("localhost") ? browserUrl.replace("localhost", "127.0.0.1")
                : browserUrl.replace("127.0.0.1", "localhost");
    }

    @AfterEach
    void tearDown() {
        keycloak.close();
    }

    LoginEngine engine(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of("KEYCLOAK_URL", browserUrl, "KEYCLOAK_URL_ALT", serverUrl,
                "KEYCLOAK_REALM", "inventree"));
        settings.putAll(more);
        return fx.engine(Map.of("social_providers", Map.of("keycloak", settings)), new KeycloakBackend());
    }

    LoginOutcome.Redirect begin(LoginEngine engine) {
        LoginOutcome begun = engine.beginLogin("keycloak", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
        assertThat(begun).isInstanceOf(LoginOutcome.Redirect.class);
        return (LoginOutcome.Redirect) begun;
    }

    /** The callback of a begun login, Keycloak's ID token issued by {@code issuer}. */
    LoginOutcome complete(LoginEngine engine, LoginOutcome.Redirect r, String issuer) {
        var q = LoginDance.query(r.location());
        keycloak.answerWithIdToken(keycloak.sign(keycloak.claims(q.get("nonce").get(0)).issuer(issuer).build()));
        return engine.completeLogin("keycloak", new CallbackRequest(Map.of("state", q.get("state"), "code", List.of("kc-code")),
                Map.of(r.cookie().name(), r.cookie().value()), EngineFixture.BASE, null));
    }

    @Test
    void theBrowserGoesToKeycloakUrlAndTheCodeIsExchangedAtKeycloakUrlAlt() {
        LoginEngine engine = engine(Map.of());

        LoginOutcome.Redirect r = begin(engine);
        LoginOutcome outcome = complete(engine, r, browserUrl + REALM);

        assertThat(r.location().toString()).startsWith(browserUrl + REALM + "/authorize?");
        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(keycloak.tokenRequests()).singleElement()
                .satisfies(t -> assertThat(t.getHeaders().get("Host")).isEqualTo(serverUrl.substring("http://".length())));
    }

    @Test
    void aKeycloakThatNamesTheServersAddressAsIssuerIsAcceptedToo() {
        keycloak.declareIssuer(serverUrl + REALM);
        LoginEngine engine = engine(Map.of());

        LoginOutcome.Redirect r = begin(engine);

        assertThat(r.location().toString()).startsWith(browserUrl + REALM + "/authorize?");
        assertThat(complete(engine, r, serverUrl + REALM)).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void anIssuerAtNeitherAddressIsRefused() {
        keycloak.declareIssuer("https://elsewhere.example" + REALM);

        LoginOutcome outcome = engine(Map.of()).beginLogin("keycloak",
                new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID));
        assertThat(fx.errors()).singleElement().satisfies(e -> assertThat(e.info()).contains("https://elsewhere.example"
                + REALM, "neither KEYCLOAK_URL's realm"));
    }

    @Test
    void keycloakUrlAltWithAServerUrlIsAConfigurationFailure() {
        LoginOutcome outcome = engine(Map.of("server_url", browserUrl + REALM)).beginLogin("keycloak",
                new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
        assertThat(fx.errors()).singleElement().satisfies(e -> assertThat(e.info()).contains("KEYCLOAK_URL_ALT"));
    }
}
