package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.mail.SmtpMailer;
import io.gatehouse.sso.mail.SmtpSecurity;
import io.gatehouse.sso.mail.SmtpSettings;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spring.actuate.GatehouseHealthIndicator;
import io.gatehouse.sso.spring.actuate.IdpDiscoveryCheck;
import io.gatehouse.sso.spring.testapp.LocalPeers;
import io.gatehouse.sso.testkit.AdjustableClock;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The health indicator checks the database, each IdP's discovery document and the mail server, and reuses its answer. */
class GatehouseHealthTest {
    private final LocalPeers peers = new LocalPeers();
    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySocialApps apps = new InMemorySocialApps();

    @AfterEach
    void stop() {
        peers.close();
    }

    private GatehouseHealthIndicator indicator() {
        apps.save(SocialApp.builder("openid_connect").providerId("corp").name("Corp").clientId("app").secret("secret")
                .settings(Map.of("server_url", peers.issuer())).sites("*").build());
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null,
                Map.of("social_backends", List.of("openid_connect"))));
        ProviderRegistry registry = ProviderRegistry.of(config.backends(), List.of(new OpenIdConnectBackend()));
        SmtpMailer mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", peers.mail.getSmtp().getPort(), "", "",
                SmtpSecurity.NONE, "noreply@example.com", Duration.ofSeconds(5), ""));
        return new GatehouseHealthIndicator(new InMemorySettings(), new IdpDiscoveryCheck(apps, config, registry,
                Duration.ofSeconds(5), clock), Optional.of(mailer::checkConnection), Duration.ofSeconds(60), clock);
    }

    @Test
    void isUpWhenTheDatabaseTheIdpsAndTheMailServerAnswer() {
        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("database", "UP").containsEntry("identityProviders", Map.of("corp", "UP"))
                .containsEntry("mail", "UP");
    }

    @Test
    void reusesItsAnswerWithinTheCacheTimeSoProbesDoNotHammerTheIdp() {
        GatehouseHealthIndicator indicator = indicator();
        Health first = indicator.health();
        peers.idp.shutdown();

        clock.advance(Duration.ofSeconds(59));
        assertThat(indicator.health()).isSameAs(first);
    }

    @Test
    void isDownNamingTheIdpWhoseDiscoveryDocumentCannotBeFetched() {
        GatehouseHealthIndicator indicator = indicator();
        indicator.health();
        peers.idp.shutdown();

        clock.advance(Duration.ofSeconds(61));
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        @SuppressWarnings("unchecked")
        Map<String, String> idps = (Map<String, String>) health.getDetails().get("identityProviders");
        assertThat(idps.get("corp")).startsWith("DOWN: ").contains("discovery document");
        assertThat(health.getDetails()).containsEntry("database", "UP");
    }

    @Test
    void isDownWhenTheMailServerIsGone() {
        GatehouseHealthIndicator indicator = indicator();
        peers.mail.stop();

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("mail")).startsWith("DOWN: ");
    }
}
