package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spring.actuate.GatehouseHealthIndicator;
import io.gatehouse.sso.spring.actuate.IdpDiscoveryCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import java.time.Clock;
import java.util.Optional;

/**
 * Actuator's {@code gatehouse} health indicator, when Spring Boot's health support is on the class path
 * (off with {@code management.health.gatehouse.enabled=false}).
 */
@AutoConfiguration(after = GatehouseEngineAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({SocialAppRepository.class, SettingsSource.class, GatehouseConfig.class})
public class GatehouseHealthAutoConfiguration {
    private static final String SMTP_MAILER = "io.gatehouse.sso.mail.SmtpMailer";

    /**
     * Its switch is on the method: the class's own conditions must rule it out before health's classes load.
     *
     * @param settings the settings store, to see the database answers
     * @param apps the social applications
     * @param config the start-up configuration
     * @param registry the enabled backends
     * @param mailer the mailer, if any
     * @param properties the {@code gatehouse.*} properties (the cache time)
     * @param clock the clock bean, if any
     * @return the health indicator named {@code gatehouse}
     */
    @Bean
    @ConditionalOnEnabledHealthIndicator("gatehouse")
    @ConditionalOnMissingBean(name = "gatehouseHealthIndicator")
    public GatehouseHealthIndicator gatehouseHealthIndicator(SettingsSource settings, SocialAppRepository apps,
                                                             GatehouseConfig config, ProviderRegistry registry,
                                                             ObjectProvider<Mailer> mailer, GatehouseProperties properties,
                                                             ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        IdpDiscoveryCheck idps = new IdpDiscoveryCheck(apps, config, registry, properties.health().idpTimeout(), time);
        return new GatehouseHealthIndicator(settings, idps, mailProbe(mailer.getIfAvailable()),
                properties.health().cacheTtl(), time);
    }

    /** The SMTP server is checked only when Gatehouse's SMTP mailer is in use and configured. */
    private static Optional<GatehouseHealthIndicator.Probe> mailProbe(Mailer mailer) {
        if (mailer == null || !mailer.isConfigured()
                || !ClassUtils.isPresent(SMTP_MAILER, GatehouseHealthAutoConfiguration.class.getClassLoader())) {
            return Optional.empty();
        }
        return SmtpProbe.of(mailer);
    }

    /** Kept apart so the class loads only where the mail module is present. */
    private static final class SmtpProbe {
        static Optional<GatehouseHealthIndicator.Probe> of(Mailer mailer) {
            return mailer instanceof io.gatehouse.sso.mail.SmtpMailer smtp ? Optional.of(smtp::checkConnection) : Optional.empty();
        }
    }
}
