package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.mail.SmtpMailer;
import io.gatehouse.sso.mail.SmtpSecurity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up configuration comes from gatehouse.* properties and from the InvenTree-style environment variables. */
class ConfigurationSourcesTest {

    @Test
    void gatehousePropertiesConfigureTheBackendsAndTheProviderSettings() {
        GatehouseContexts.web().withPropertyValues("gatehouse.social-backends=openid_connect, allauth.socialaccount.providers.openid_connect",
                        "gatehouse.social-providers.keycloak.[KEYCLOAK_URL]=https://sso.example.com",
                        "gatehouse.social-providers.keycloak.[KEYCLOAK_REALM]=corp",
                        "gatehouse.site-url=https://app.example.com/", "gatehouse.http-timeout-ms=1500")
                .run(context -> {
                    GatehouseConfig config = context.getBean(GatehouseConfig.class);
                    assertThat(config.backends()).containsExactly("openid_connect");
                    assertThat(config.providerSettings("keycloak"))
                            .containsEntry("KEYCLOAK_URL", "https://sso.example.com").containsEntry("KEYCLOAK_REALM", "corp");
                    assertThat(config.siteUrl()).hasValueSatisfying(url -> assertThat(url).hasToString("https://app.example.com"));
                    assertThat(config.httpTimeout()).isEqualTo(Duration.ofMillis(1500));
                });
    }

    @Test
    void socialProvidersMayBeAJsonTextAsInTheEnvironmentVariable() {
        GatehouseContexts.web().withPropertyValues("gatehouse.social-backends=openid_connect",
                        "gatehouse.social-providers={\"microsoft\": {\"TENANT\": \"organizations\"}}")
                .run(context -> assertThat(context.getBean(GatehouseConfig.class).providerSettings("microsoft"))
                        .isEqualTo(Map.of("TENANT", "organizations")));
    }

    @Test
    void theSnakeCaseKeysOfAnInventreeConfigFileBindToo() {
        GatehouseContexts.web().withPropertyValues("gatehouse.social_backends=allauth.socialaccount.providers.openid_connect",
                        "gatehouse.login_default_protocol=https")
                .run(context -> {
                    GatehouseConfig config = context.getBean(GatehouseConfig.class);
                    assertThat(config.backends()).containsExactly("openid_connect");
                    assertThat(config.defaultProtocol()).isEqualTo("https");
                });
    }

    @Test
    void environmentVariablesWithThePrefixConfigureItAndWinOverProperties() {
        GatehouseContexts.web().withPropertyValues("gatehouse.social-backends=keycloak", "gatehouse.transaction-ttl-seconds=60")
                .withInitializer(context -> GatehouseContexts.environmentVariables(context.getEnvironment(),
                        Map.of("SSO_SOCIAL_BACKENDS", "openid_connect", "SSO_SOCIAL_PROVIDERS",
                                "{\"openid_connect\": {\"SCOPE\": [\"openid\", \"groups\"]}}")))
                .run(context -> {
                    GatehouseConfig config = context.getBean(GatehouseConfig.class);
                    assertThat(config.backends()).containsExactly("openid_connect");
                    assertThat(config.providerSettings("openid_connect")).containsEntry("SCOPE", List.of("openid", "groups"));
                    assertThat(config.transactionTtl()).isEqualTo(Duration.ofSeconds(60));
                });
    }

    @Test
    void anInventreeHostKeepsItsOwnEnvironmentPrefix() {
        GatehouseContexts.web().withPropertyValues("gatehouse.env-prefix=INVENTREE_")
                .withInitializer(context -> GatehouseContexts.environmentVariables(context.getEnvironment(),
                        Map.of("INVENTREE_SOCIAL_BACKENDS", "allauth.socialaccounts.providers.openid_connect",
                                "SSO_SOCIAL_BACKENDS", "keycloak",
                                "INVENTREE_SECRET_KEYS", "env1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=")))
                .run(context -> {
                    assertThat(context.getBean(GatehouseConfig.class).backends()).containsExactly("openid_connect");
                    assertThat(context.getBean(io.gatehouse.sso.jdbc.SecretKeyRing.class).currentKeyId()).isEqualTo("env1");
                });
    }

    @Test
    void springBootsMailPropertiesConfigureTheMailerWithGatehousesSender() {
        GatehouseContexts.web().withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=2525",
                        "spring.mail.username=app", "spring.mail.password=pw",
                        "spring.mail.properties.mail.smtp.starttls.enable=true", "gatehouse.email-sender=App <noreply@example.com>")
                .run(context -> {
                    SmtpMailer mailer = (SmtpMailer) context.getBean(Mailer.class);
                    assertThat(mailer.settings().host()).isEqualTo("smtp.example.com");
                    assertThat(mailer.settings().port()).isEqualTo(2525);
                    assertThat(mailer.settings().security()).isEqualTo(SmtpSecurity.STARTTLS);
                    assertThat(mailer.settings().sender()).isEqualTo("App <noreply@example.com>");
                    assertThat(context.getBean(LoginEngine.class).emailConfigured()).isTrue();
                });
    }

    @Test
    void withoutAnyMailSettingsRegistrationStaysClosed() {
        GatehouseContexts.web().run(context -> assertThat(context.getBean(LoginEngine.class).emailConfigured()).isFalse());
    }
}
