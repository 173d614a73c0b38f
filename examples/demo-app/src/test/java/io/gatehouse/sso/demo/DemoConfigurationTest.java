package io.gatehouse.sso.demo;

import io.gatehouse.sso.spi.SocialApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the demo is configured from the environment and files: ports, IdP, mail, seeded settings, database. */
class DemoConfigurationTest {

    @Test
    void withNothingConfiguredTheDemoRunsItsIdpAndMailServerAndTurnsSsoOn() {
        try (DemoApp app = TestDemo.start()) {
            assertThat(app.idp()).isPresent();
            assertThat(app.mailbox()).isPresent();
            assertThat(app.stores().settings().all()).containsAllEntriesOf(SettingsSeed.DEFAULTS);
            SocialApp demoApp = app.stores().socialApps().findAll().get(0);
            assertThat(demoApp.provider()).isEqualTo("openid_connect");
            assertThat(demoApp.routeId()).isEqualTo(DemoIdp.PROVIDER_ID);
            assertThat(demoApp.sites()).containsExactly("localhost");
            assertThat(demoApp.settings()).containsEntry("server_url", app.idp().orElseThrow().issuer().toString());
        }
    }

    @Test
    void settingsAreSeededFromAFileAndFromTheEnvironmentWhichWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"SSO_GROUP_MAP\": {\"/corp/admins\": \"admin\"}, \"LOGIN_SIGNUP_MAIL_RESTRICTION\": \"@example.com\","
                + " \"LOGIN_ENABLE_SSO_REG\": true}");

        try (DemoApp app = TestDemo.start(Map.of("DEMO_SETTINGS_FILE", file.toString(),
                "DEMO_SETTING_LOGIN_ENABLE_SSO_REG", "false", "DEMO_SETTING_SSO_GROUP_KEY", "roles"))) {
            Map<String, String> all = app.stores().settings().all();
            assertThat(all).containsEntry("SSO_GROUP_MAP", "{\"/corp/admins\":\"admin\"}")
                    .containsEntry("LOGIN_SIGNUP_MAIL_RESTRICTION", "@example.com")
                    .containsEntry("LOGIN_ENABLE_SSO_REG", "false")
                    .containsEntry("SSO_GROUP_KEY", "roles")
                    .containsEntry("LOGIN_ENABLE_SSO", "true");
        }
    }

    @Test
    void anInvalidSeededSettingStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> TestDemo.start(Map.of("DEMO_SETTING_SSO_GROUP_MAP", "[\"not\", \"an object\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEMO_SETTING_SSO_GROUP_MAP").hasMessageContaining("JSON object");
        assertThatThrownBy(() -> TestDemo.start(Map.of("DEMO_SETTING_LOGIN_ENABLE_SOS", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEMO_SETTING_LOGIN_ENABLE_SOS").hasMessageContaining("LOGIN_ENABLE_SSO");
    }

    @Test
    void badDemoVariablesAreNamed() {
        assertThatThrownBy(() -> DemoOptions.from(Map.of("DEMO_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEMO_PORT");
        assertThatThrownBy(() -> DemoOptions.from(Map.of("DEMO_IDP", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEMO_IDP");
    }

    @Test
    void configuredBackendsSwitchTheLocalIdpOffAndConfiguredSmtpSwitchesTheMailServerOff() {
        try (DemoApp app = TestDemo.start(Map.of("SSO_SOCIAL_BACKENDS", "allauth.socialaccount.providers.github",
                "SSO_EMAIL_HOST", "smtp.example.com", "SSO_EMAIL_SENDER", "noreply@example.com"))) {
            assertThat(app.idp()).isEmpty();
            assertThat(app.mailbox()).isEmpty();
            assertThat(app.stores().socialApps().findAll()).isEmpty();
            DemoHttpBrowser browser = new DemoHttpBrowser(app.baseUri());
            assertThat(browser.get("/login").body()).contains("id=\"no-providers\"");
            browser.signInAsAdmin(app.adminPassword());
            assertThat(browser.get("/admin/inbox").body()).contains("<code>smtp.example.com:25</code>", "inbox is off");
            assertThat(browser.get("/admin/").body()).contains(BACKENDS + "github</p>");
        }
    }

    @Test
    void aRealProviderConfiguredByEnvironmentAloneGetsItsLoginButton() {
        try (DemoApp app = TestDemo.start(Map.of("SSO_SOCIAL_BACKENDS", "github", "SSO_SOCIAL_PROVIDERS",
                "{\"github\": {\"APPS\": [{\"name\": \"GitHub\", \"client_id\": \"Ov23li-demo\", \"secret\": \"gh-secret\"}]}}"))) {
            DemoHttpBrowser browser = new DemoHttpBrowser(app.baseUri());
            assertThat(browser.get("/login").body()).contains("id=\"login-github\"").contains("Sign in with GitHub");

            String toGitHub = DemoHttpBrowser.location(browser.get("/accounts/github/login/?next=/")).toString();

            assertThat(toGitHub).startsWith("https://github.com/login/oauth/authorize?").contains("client_id=Ov23li-demo")
                    .contains("redirect_uri=" + java.net.URLEncoder.encode(app.baseUri() + "/accounts/github/login/callback/",
                            java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theLocalIdpCanBeForcedOnNextToConfiguredBackends() {
        try (DemoApp app = TestDemo.start(Map.of("SSO_SOCIAL_BACKENDS", "github", "DEMO_IDP", "on"))) {
            assertThat(app.idp()).isPresent();
            String admin = adminHome(app);
            assertThat(admin).contains(BACKENDS + "github, openid_connect</p>");
        }
    }

    @Test
    void aConfigFileWorksLikeTheEnvironment(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gatehouse.yaml");
        Files.writeString(config, "social_backends:\n  - allauth.socialaccount.providers.keycloak\n"
                + "social_providers:\n  keycloak:\n    KEYCLOAK_URL: https://sso.example.com\n    KEYCLOAK_REALM: demo\n");

        try (DemoApp app = TestDemo.start(Map.of("DEMO_CONFIG_FILE", config.toString()))) {
            assertThat(app.idp()).isEmpty();
            assertThat(adminHome(app)).contains(BACKENDS + "keycloak</p>");
        }
    }

    @Test
    void aFileDatabaseKeepsAppsAndSettingsAcrossRestarts(@TempDir Path dir) {
        Map<String, String> env = Map.of("DEMO_H2_FILE", dir.resolve("demo").toString(), "DEMO_ADMIN_PASSWORD", "pw");
        String appId;
        try (DemoApp first = TestDemo.start(env)) {
            appId = first.stores().socialApps().findAll().get(0).id();
            first.stores().settings().put("SIGNUP_GROUP", "newcomers");
        }
        assertThat(dir.resolve("demo.keys")).exists();

        try (DemoApp second = TestDemo.start(env)) {
            List<SocialApp> apps = second.stores().socialApps().findAll();
            assertThat(apps).extracting(SocialApp::id).containsExactly(appId);
            // the IdP's port changed with the restart; the app follows it
            assertThat(apps.get(0).settings()).containsEntry("server_url", second.idp().orElseThrow().issuer().toString());
            assertThat(second.stores().settings().get("SIGNUP_GROUP")).hasValue("newcomers");
        }
    }

    /** How sso-admin's overview names the backends read at start-up. */
    private static final String BACKENDS = "Enabled provider backends (social_backends, read at start-up): ";

    private static String adminHome(DemoApp app) {
        DemoHttpBrowser browser = new DemoHttpBrowser(app.baseUri());
        browser.signInAsAdmin(app.adminPassword());
        return browser.get("/admin/").body();
    }
}
