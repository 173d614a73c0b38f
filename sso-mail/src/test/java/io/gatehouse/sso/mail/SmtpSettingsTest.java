package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {

    private static SmtpSettings fromEnv(String prefix, Map<String, String> env) {
        return SmtpSettings.read(ConfigValues.of(prefix, env, null, Map.of()));
    }

    private static SmtpSettings fromEnv(Map<String, String> env) {
        return fromEnv("SSO_", env);
    }

    private static Map<String, String> minimal(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("SSO_EMAIL_HOST", "smtp.example.com", "SSO_EMAIL_SENDER", "noreply@example.com"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void readsInvenTreeEnvironmentNamesUnderTheConfiguredPrefix() {
        SmtpSettings s = fromEnv("INVENTREE_", Map.of(
                "INVENTREE_EMAIL_HOST", "smtp.example.com",
                "INVENTREE_EMAIL_PORT", "587",
                "INVENTREE_EMAIL_USERNAME", "inventree",
                "INVENTREE_EMAIL_PASSWORD", "pw",
                "INVENTREE_EMAIL_TLS", "True",
                "INVENTREE_EMAIL_SENDER", "InvenTree <noreply@example.com>",
                "INVENTREE_EMAIL_TIMEOUT_MS", "2500"));

        assertThat(s.configured()).isTrue();
        assertThat(s.host()).isEqualTo("smtp.example.com");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.username()).isEqualTo("inventree");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(s.sender()).isEqualTo("InvenTree <noreply@example.com>");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void readsLowerCaseKeysFromTheConfigFileAndTheEnvironmentWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                email_host: smtp.file.example
                email_port: 2525
                email_sender: file@example.com
                email_ssl: true
                """);

        SmtpSettings s = SmtpSettings.read(ConfigValues.of("SSO_", Map.of("SSO_EMAIL_HOST", "smtp.env.example"), file, Map.of()));

        assertThat(s.host()).isEqualTo("smtp.env.example");
        assertThat(s.port()).isEqualTo(2525);
        assertThat(s.sender()).isEqualTo("file@example.com");
        assertThat(s.security()).isEqualTo(SmtpSecurity.IMPLICIT_TLS);
    }

    @Test
    void defaultsArePlainSmtpOnPort25WithATenSecondTimeout() {
        SmtpSettings s = fromEnv(minimal());

        assertThat(s.port()).isEqualTo(25);
        assertThat(s.security()).isEqualTo(SmtpSecurity.NONE);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.authenticates()).isFalse();
        assertThat(s.trustedHost()).isEmpty();
    }

    @Test
    void implicitTlsDefaultsToPort465() {
        assertThat(fromEnv(minimal("SSO_EMAIL_SSL", "true")).port()).isEqualTo(465);
    }

    @Test
    void mailIsNotConfiguredWithoutHostOrSenderAndSaysWhichIsMissing() {
        assertThat(fromEnv(Map.of()).configured()).isFalse();
        assertThat(fromEnv(Map.of()).missing()).containsExactly(MailKeys.EMAIL_HOST, MailKeys.EMAIL_SENDER);
        assertThat(fromEnv(Map.of("SSO_EMAIL_HOST", "smtp.example.com")).missing()).containsExactly(MailKeys.EMAIL_SENDER);
        assertThat(fromEnv(Map.of("SSO_EMAIL_SENDER", "a@example.com")).missing()).containsExactly(MailKeys.EMAIL_HOST);
        assertThat(fromEnv(Map.of("SSO_EMAIL_HOST", " ", "SSO_EMAIL_SENDER", "")).configured()).isFalse();
        assertThat(SmtpSettings.none().configured()).isFalse();
    }

    @Test
    void aPortOutsideTheRangeOrNotANumberIsAConfigErrorNamingTheKey() {
        for (String bad : List.of("0", "65536", "-1", "smtp", "25.5")) {
            assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_PORT", bad)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("SSO_EMAIL_PORT")
                    .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_port"));
        }
    }

    @Test
    void tlsAndSslTogetherAreRefused() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_TLS", "true", "SSO_EMAIL_SSL", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SSO_EMAIL_TLS").hasMessageContaining("SSO_EMAIL_SSL")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_ssl"));
    }

    @Test
    void aFlagThatIsNotABooleanIsRefused() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_TLS", "starttls")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_tls"));
    }

    @Test
    void anInvalidSenderIsRefused() {
        for (String bad : List.of("noreply", "noreply@", "a@example.com, b@example.com", "no reply@example.com", "@example.com")) {
            assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_SENDER", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("SSO_EMAIL_SENDER")
                    .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_sender"));
        }
    }

    @Test
    void aHostWithAPortOrASchemeIsRefusedWithAHint() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_HOST", "smtp.example.com:587")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("EMAIL_PORT")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_host"));
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_HOST", "smtp://smtp.example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a URL");
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_HOST", "smtp example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SSO_EMAIL_HOST");
    }

    @Test
    void hostNamesAndIpAddressesAreAccepted() {
        for (String host : List.of("localhost", "127.0.0.1", "mail_relay", "smtp.example.com.", "::1", "[2001:db8::25]")) {
            assertThat(fromEnv(minimal("SSO_EMAIL_HOST", host)).host()).isEqualTo(host);
        }
    }

    @Test
    void usernameAndPasswordComeTogether() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_PASSWORD", "pw")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_username"))
                .hasMessageNotContaining("pw'");
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_USERNAME", "mailer")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_password"));
    }

    @Test
    void thePasswordKeepsItsSpaces() {
        assertThat(fromEnv(minimal("SSO_EMAIL_USERNAME", "u", "SSO_EMAIL_PASSWORD", " pass word ")).password())
                .isEqualTo(" pass word ");
    }

    @Test
    void aZeroTimeoutIsRefused() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_TIMEOUT_MS", "0")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_timeout_ms"));
    }

    @Test
    void sslTrustMustNameTheConfiguredHostAndNeedsTls() {
        assertThat(fromEnv(minimal("SSO_EMAIL_SSL", "true", "SSO_EMAIL_SSL_TRUST", "SMTP.example.com")).trustedHost())
                .isEqualTo("smtp.example.com");
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_SSL", "true", "SSO_EMAIL_SSL_TRUST", "*")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("email_ssl_trust"));
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_TLS", "true", "SSO_EMAIL_SSL_TRUST", "other.example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.example.com");
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_SSL_TRUST", "smtp.example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no effect");
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        SmtpSettings s = fromEnv(minimal("SSO_EMAIL_USERNAME", "mailer", "SSO_EMAIL_PASSWORD", "hunter2-secret"));

        assertThat(s.toString()).doesNotContain("hunter2-secret").contains("password=(redacted)").contains("mailer");
        assertThat(new SmtpMailer(s).toString()).doesNotContain("hunter2-secret");
    }

    @Test
    void everyKeyHasInvenTreesEnvironmentNameAndALowerCaseFileKey() {
        assertThat(MailKeys.ALL).extracting(k -> k.envName("INVENTREE_")).containsExactly(
                "INVENTREE_EMAIL_HOST", "INVENTREE_EMAIL_PORT", "INVENTREE_EMAIL_USERNAME", "INVENTREE_EMAIL_PASSWORD",
                "INVENTREE_EMAIL_TLS", "INVENTREE_EMAIL_SSL", "INVENTREE_EMAIL_SENDER", "INVENTREE_EMAIL_TIMEOUT_MS",
                "INVENTREE_EMAIL_SSL_TRUST", "INVENTREE_EMAIL_PREFIX", "INVENTREE_EMAIL_BACKEND");
        assertThat(MailKeys.ALL).allSatisfy(k -> assertThat(k.fileKey()).isEqualTo(k.envSuffix().toLowerCase(Locale.ROOT)));
        assertThat(MailKeys.ALL).allSatisfy(k -> assertThat(k.nestedPath()).isEqualTo(k.fileKey().replaceFirst("_", ".")));
    }

    @Test
    void invenTreesNestedEmailSectionIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                email:
                  backend: 'django.core.mail.backends.smtp.EmailBackend'
                  host: 'smtp.example.com'
                  port: 587
                  username: 'inventree'
                  password: ' pass word '
                  sender: 'InvenTree <noreply@example.com>'
                  prefix: '[InvenTree] '
                  tls: True
                  ssl: False
                """);

        SmtpSettings s = SmtpSettings.read(ConfigValues.of("INVENTREE_", Map.of(), file, Map.of()));

        assertThat(s.host()).isEqualTo("smtp.example.com");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.username()).isEqualTo("inventree");
        assertThat(s.password()).isEqualTo(" pass word ");
        assertThat(s.sender()).isEqualTo("InvenTree <noreply@example.com>");
        assertThat(s.subjectPrefix()).isEqualTo("[InvenTree] ");
        assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void theEnvironmentWinsOverTheNestedSection(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "email:\n  host: smtp.file.example\n  sender: file@example.com\n");

        SmtpSettings s = SmtpSettings.read(ConfigValues.of("INVENTREE_", Map.of("INVENTREE_EMAIL_HOST", "smtp.env.example"),
                file, Map.of()));

        assertThat(s.host()).isEqualTo("smtp.env.example");
        assertThat(s.sender()).isEqualTo("file@example.com");
    }

    @Test
    void aBadNestedValueNamesItsNestedKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "email:\n  host: smtp.example.com\n  port: twenty-five\n");

        assertThatThrownBy(() -> SmtpSettings.read(ConfigValues.of("INVENTREE_", Map.of(), file, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'email.port' (file " + file + ")")
                .hasMessageContaining("twenty-five");
    }

    @Test
    void anEmailSectionThatIsNotAMappingIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "email: smtp.example.com\n");

        assertThatThrownBy(() -> SmtpSettings.read(ConfigValues.of("INVENTREE_", Map.of(), file, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'email' (file " + file + ")")
                .hasMessageContaining("must be a mapping");
    }

    @Test
    void aFlagOfTheWrongTypeInTheSectionIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "email:\n  host: smtp.example.com\n  tls: [yes]\n");

        assertThatThrownBy(() -> SmtpSettings.read(ConfigValues.of("INVENTREE_", Map.of(), file, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'email.tls'")
                .hasMessageContaining("not a list");
    }

    @Test
    void theSameKeyFlatAndNestedInOneFileIsAmbiguous(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "email_host: a.example.com\nemail:\n  host: b.example.com\n");

        assertThatThrownBy(() -> SmtpSettings.read(ConfigValues.of("SSO_", Map.of(), file, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'email_host' and 'email.host'");
    }

    @Test
    void withoutASenderAUsernameThatIsAnAddressIsTheSenderAsInInvenTree() {
        SmtpSettings s = fromEnv(Map.of("SSO_EMAIL_HOST", "smtp.example.com", "SSO_EMAIL_USERNAME", "inventree@example.com",
                "SSO_EMAIL_PASSWORD", "pw"));

        assertThat(s.sender()).isEqualTo("inventree@example.com");
        assertThat(s.configured()).isTrue();
    }

    @Test
    void aUsernameThatIsNoAddressDoesNotStandInForTheSender() {
        SmtpSettings s = fromEnv(Map.of("SSO_EMAIL_HOST", "smtp.example.com", "SSO_EMAIL_USERNAME", "inventree",
                "SSO_EMAIL_PASSWORD", "pw"));

        assertThat(s.configured()).isFalse();
        assertThat(s.missing()).containsExactly(MailKeys.EMAIL_SENDER);
    }

    @Test
    void aDjangoBackendOtherThanSmtpIsRefusedNamingWhatWorks() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable SSO_EMAIL_BACKEND")
                .hasMessageContaining("console.EmailBackend").hasMessageContaining(SmtpSettings.DJANGO_SMTP_BACKEND);
    }

    @Test
    void theSmtpBackendIsAccepted() {
        assertThat(fromEnv(minimal("SSO_EMAIL_BACKEND", SmtpSettings.DJANGO_SMTP_BACKEND)).configured()).isTrue();
    }

    @Test
    void aSubjectPrefixOnSeveralLinesIsRefused() {
        assertThatThrownBy(() -> fromEnv(minimal("SSO_EMAIL_PREFIX", "[A]\r\nBcc: x@example.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SSO_EMAIL_PREFIX");
    }
}
