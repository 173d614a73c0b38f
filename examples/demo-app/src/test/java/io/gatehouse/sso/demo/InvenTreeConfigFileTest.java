package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.LoginChoice;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.ForwardedHeaders;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.mail.SmtpMailer;
import io.gatehouse.sso.mail.SmtpSecurity;
import io.gatehouse.sso.mail.SmtpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * InvenTree's own {@code config_template.yaml}, its single sign-on parts filled in (test resource
 * {@code inventree/config.yaml}), read as InvenTree reads it: every value single sign-on uses arrives, InvenTree's
 * other keys are ignored quietly, and a value of the wrong type stops start-up naming the key.
 */
class InvenTreeConfigFileTest {

    static String template() throws IOException {
        try (InputStream in = InvenTreeConfigFileTest.class.getResourceAsStream("/inventree/config.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), text);
    }

    static ConfigValues values(Path file, Map<String, String> env) {
        return ConfigValues.of("INVENTREE_", env, file, Map.of());
    }

    @Test
    void everySingleSignOnValueOfInvenTreesConfigFileArrives(@TempDir Path dir) throws IOException {
        ConfigValues values = values(write(dir, template()), Map.of());

        GatehouseConfig config = GatehouseConfig.read(values);
        assertThat(config.backends()).containsExactly("keycloak", "github");
        assertThat(config.siteUrl()).contains(URI.create("https://inventree.example.com"));
        assertThat(config.defaultProtocol()).isEqualTo("https");
        assertThat(config.forwardedHeaders()).isEqualTo(new ForwardedHeaders(false, false, true, true));
        assertThat(config.providerSettings("keycloak")).containsEntry("KEYCLOAK_URL", "https://sso.example.com")
                .containsEntry("KEYCLOAK_URL_ALT", "http://keycloak:8080").containsEntry("KEYCLOAK_REALM", "inventree")
                .containsEntry("EMAIL_AUTHENTICATION", true).containsEntry("EMAIL_AUTHENTICATION_AUTO_CONNECT", true)
                .containsEntry("SCOPE", List.of("openid", "profile", "email", "groups"));
        assertThat(config.providerSettings("github")).containsEntry("VERIFIED_EMAIL", true).containsEntry("QUERY_EMAIL", true)
                .containsEntry("AUTH_PARAMS", Map.of("allow_signup", "false"));

        SmtpSettings smtp = SmtpSettings.read(values);
        assertThat(smtp.configured()).isTrue();
        assertThat(smtp.host()).isEqualTo("smtp.example.com");
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.username()).isEqualTo("inventree-mailer");
        assertThat(smtp.password()).isEqualTo("mail-password-value");
        assertThat(smtp.sender()).isEqualTo("InvenTree <noreply@example.com>");
        assertThat(smtp.security()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void theEngineStartsWithItAndOffersTheConfiguredKeycloakApp(@TempDir Path dir) throws IOException {
        ConfigValues values = values(write(dir, template()), Map.of());
        GatehouseConfig config = GatehouseConfig.read(values);
        JdbcStores stores = JdbcStores.create(EmbeddedH2.inMemory("inventree-" + UUID.randomUUID()),
                SecretKeyRing.of("k1", SecretKeyRing.generateKey()));
        stores.settings().put("LOGIN_ENABLE_SSO", "true");

        LoginEngine engine = LoginEngine.builder(config).apps(stores.socialApps()).accounts(stores.socialAccounts())
                .users(stores.users()).settings(stores.settings()).errorLog(stores.errorLog())
                .singleUseValues(stores.singleUseValues()).mailer(SmtpMailer.from(values)).build();

        assertThat(engine.emailConfigured()).isTrue();
        assertThat(engine.loginChoices(URI.create("https://inventree.example.com")))
                .extracting(LoginChoice::name).containsExactly("Company Keycloak");
    }

    @Test
    void theEnvironmentWinsOverTheFileUnderInvenTreesNames(@TempDir Path dir) throws IOException {
        ConfigValues values = values(write(dir, template()), Map.of("INVENTREE_EMAIL_PORT", "2525",
                "INVENTREE_USE_X_FORWARDED_PORT", "False", "INVENTREE_SITE_URL", "https://parts.example.com"));

        assertThat(SmtpSettings.read(values).port()).isEqualTo(2525);
        GatehouseConfig config = GatehouseConfig.read(values);
        assertThat(config.forwardedHeaders().xForwardedPort()).isFalse();
        assertThat(config.siteUrl()).contains(URI.create("https://parts.example.com"));
    }

    @Test
    void aProxySwitchOfTheWrongTypeStopsStartUpNamingIt(@TempDir Path dir) throws IOException {
        Path file = write(dir, template().replace("use_x_forwarded_host: true", "use_x_forwarded_host: [true]"));

        assertThatThrownBy(() -> GatehouseConfig.read(values(file, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'use_x_forwarded_host' (file " + file + ")");
    }

    @Test
    void anEmailSectionOfTheWrongTypeStopsStartUpNamingIt(@TempDir Path dir) throws IOException {
        Path file = write(dir, template().replace("  port: 587\n", "  port: [587]\n"));

        assertThatThrownBy(() -> SmtpSettings.read(values(file, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'email.port' (file " + file + ")");
    }

    @Test
    void anAppWithoutClientIdStopsStartUpNamingIt(@TempDir Path dir) throws IOException {
        Path file = write(dir, template().replace("      client_id: 'inventree'\n", ""));
        GatehouseConfig config = GatehouseConfig.read(values(file, Map.of()));
        JdbcStores stores = JdbcStores.create(EmbeddedH2.inMemory("inventree-" + UUID.randomUUID()),
                SecretKeyRing.of("k1", SecretKeyRing.generateKey()));

        assertThatThrownBy(() -> LoginEngine.builder(config).apps(stores.socialApps()).accounts(stores.socialAccounts())
                .users(stores.users()).settings(stores.settings()).errorLog(stores.errorLog()).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("keycloak.APP has no client_id");
    }

    @Test
    void theDemoGivenTheFileSendsMailThroughItsSmtpServerInsteadOfItsOwn(@TempDir Path dir) throws IOException {
        Path file = write(dir, template());

        try (DemoApp app = TestDemo.start(Map.of("DEMO_CONFIG_FILE", file.toString()))) {
            assertThat(app.mailbox()).isEmpty();
            assertThat(app.idp()).isEmpty();
            assertThat(app.banner()).contains("SMTP server smtp.example.com:587");
        }
    }
}
