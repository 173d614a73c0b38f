package io.gatehouse.sso.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.diagnostics.CheckResult;
import io.gatehouse.sso.core.diagnostics.CheckStatus;
import io.gatehouse.sso.core.diagnostics.Diagnosis;
import io.gatehouse.sso.core.i18n.Messages;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Check this application" against a fake IdP whose token endpoint checks the client's secret: everything passes
 * for a right app, and a wrong issuer, a wrong secret and an unreachable host each fail their check with its fix.
 */
class DiagnosticsTest {
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((FakeIdp.CLIENT_ID + ":" + FakeIdp.CLIENT_SECRET)
            .getBytes(StandardCharsets.UTF_8));
    AdminSite site;
    FakeIdp idp;

    @BeforeEach
    void start() {
        site = new AdminSite();
        idp = new FakeIdp();
        idp.answerToken(r -> BASIC.equals(r.getHeaders().get("Authorization")) && r.getBody().utf8().contains("grant_type=client_credentials")
                ? FakeIdp.json(200, "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":60}")
                : FakeIdp.json(401, "{\"error\":\"invalid_client\"}"));
    }

    @AfterEach
    void stop() {
        idp.close();
        site.close();
    }

    Diagnosis diagnose(SocialApp app) {
        return site.admin().diagnostics().diagnose(app, URI.create("http://localhost:8000"));
    }

    static CheckResult check(Diagnosis d, String id) {
        return d.checks().stream().filter(c -> c.check().equals(id)).findFirst().orElseThrow(() -> new AssertionError(d));
    }

    String text(CheckResult r, boolean fix) {
        return Messages.of().text(Locale.ENGLISH, fix ? r.fix() : r.summary());
    }

    @Test
    void aRightApplicationPassesEveryCheck() {
        Diagnosis d = diagnose(site.fixture.addOidcApp(idp));

        assertThat(d.checks()).extracting(CheckResult::check)
                .containsExactly("callback_url", "app", "setting_keys", "discovery", "signing_keys", "client_secret");
        assertThat(d.checks()).allSatisfy(c -> assertThat(c.status()).as(c.check()).isEqualTo(CheckStatus.PASS));
        assertThat(text(check(d, "callback_url"), false))
                .contains("http://localhost:8000/accounts/openid_connect/login/callback/");
        assertThat(text(check(d, "signing_keys"), false)).contains("RS256");
        assertThat(idp.tokenRequests()).singleElement().satisfies(r ->
                assertThat(r.getBody().utf8()).contains("grant_type=client_credentials"));
    }

    @Test
    void aWrongIssuerFailsTheDiscoveryCheckWithItsFix() {
        idp.declareIssuer("https://elsewhere.example.com/realms/main");

        CheckResult discovery = check(diagnose(site.fixture.addOidcApp(idp)), "discovery");

        assertThat(discovery.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(text(discovery, false)).contains("https://elsewhere.example.com/realms/main");
        assertThat(text(discovery, true)).contains("server_url").contains("issuer the document declares");
    }

    @Test
    void aWrongSecretFailsTheClientSecretCheckWithItsFix() {
        SocialApp app = site.fixture.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, "an-expired-secret",
                Map.of("server_url", idp.issuer()));

        Diagnosis d = diagnose(app);

        assertThat(check(d, "discovery").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(d, "client_secret").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(text(check(d, "client_secret"), false)).contains("invalid_client");
        assertThat(text(check(d, "client_secret"), true)).contains("secret of application Fake");
        assertThat(d.report(Messages.of(), Locale.ENGLISH)).doesNotContain("an-expired-secret");
    }

    @Test
    void anUnreachableHostFailsTheDiscoveryCheckAndSkipsWhatNeedsIt() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SocialApp app = site.fixture.addApp("openid_connect", "Gone", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET,
                Map.of("server_url", "http://localhost:" + closed + "/realms/main"));

        Diagnosis d = diagnose(app);

        assertThat(check(d, "discovery").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(text(check(d, "discovery"), true)).contains("can reach the identity provider");
        assertThat(check(d, "signing_keys").status()).isEqualTo(CheckStatus.WARN);
        assertThat(d.overall()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void anHttpCallbackOnAPublicHostWarnsAndUnknownSettingsAreNamed() {
        SocialApp app = site.fixture.addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET,
                Map.of("server_url", idp.issuer(), "sever_url_typo", "x"));

        Diagnosis d = site.admin().diagnostics().diagnose(app, URI.create("http://sso.example.com"));

        assertThat(check(d, "callback_url").status()).isEqualTo(CheckStatus.WARN);
        assertThat(text(check(d, "callback_url"), true)).contains("LOGIN_DEFAULT_HTTP_PROTOCOL=https");
        assertThat(check(d, "setting_keys").status()).isEqualTo(CheckStatus.WARN);
        assertThat(text(check(d, "setting_keys"), false)).contains("sever_url_typo");
    }

    @Test
    void aKeycloakAppWithoutGroupsInItsNewestSignInFailsTheGroupsCheckWhileGroupSyncIsOn() {
        FakeIdp realm = new FakeIdp("/realms/main");
        try {
            realm.answerToken(r -> FakeIdp.json(400, "{\"error\":\"unauthorized_client\"}"));
            site.fixture.settings.put("LOGIN_ENABLE_SSO_GROUP_SYNC", "true");
            SocialApp app = site.fixture.addApp("keycloak", "Keycloak", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET,
                    Map.of("server_url", realm.issuer()));
            site.fixture.store.register(new io.gatehouse.sso.spi.Registration(new io.gatehouse.sso.spi.UserDraft("ada", "", "", "", true),
                    new io.gatehouse.sso.spi.IdentitySignIn("keycloak", "ada-sub", Map.of("sub", "ada-sub"), null,
                            java.time.Instant.now()), java.util.Set.of()));

            Diagnosis d = diagnose(app);

            assertThat(check(d, "client_secret").status()).as("unauthorized_client: authenticated").isEqualTo(CheckStatus.PASS);
            assertThat(check(d, "groups_claim").status()).isEqualTo(CheckStatus.FAIL);
            assertThat(text(check(d, "groups_claim"), true)).contains("Group Membership mapper");
        } finally {
            realm.close();
        }
    }

    @Test
    void theCheckIsAPageAndAJsonEndpointInTheReadersLanguage() throws Exception {
        SocialApp app = site.fixture.addOidcApp(idp);
        var admin = site.adminBrowser();

        String page = admin.get(AdminSite.ADMIN + "/apps/" + app.id() + "/check").body();
        assertThat(page).contains("id=\"check-discovery\"", "status-pass", "Overall: pass");
        JsonNode json = new ObjectMapper().readTree(admin.get(AdminSite.ADMIN + "/apps/" + app.id() + "/check.json",
                "Accept-Language", "de").body());
        assertThat(json.get("overall").asText()).isEqualTo("pass");
        assertThat(json.get("callback_url").asText()).endsWith("/accounts/openid_connect/login/callback/");
        assertThat(json.get("checks").get(0).get("summary").asText()).startsWith("Tragen Sie genau diese Callback");
    }
}
