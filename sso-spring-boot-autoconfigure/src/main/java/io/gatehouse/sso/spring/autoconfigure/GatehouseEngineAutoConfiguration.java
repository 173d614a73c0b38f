package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginListener;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The {@link LoginEngine} on the stores, the mailer and every {@link LoginListener} bean (group sync is one),
 * in their {@code @Order}. The stores come from {@link GatehouseJdbcAutoConfiguration} or the application.
 */
@AutoConfiguration(after = {GatehouseAutoConfiguration.class, GatehouseJdbcAutoConfiguration.class,
        GatehouseMailAutoConfiguration.class, GatehouseGroupSyncAutoConfiguration.class})
public class GatehouseEngineAutoConfiguration {

    /**
     * The login engine over the stores, unless the application defines one.
     *
     * @param config the start-up configuration
     * @param registry the enabled backends
     * @param apps the social applications
     * @param accounts the identity links
     * @param users the users
     * @param settings the live login settings
     * @param errorLog the error log
     * @param mailer the mailer, if any (without one SSO registration is closed)
     * @param listeners every login listener bean, group sync among them
     * @param clock the clock bean, if any; else the system UTC clock
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    public LoginEngine gatehouseLoginEngine(GatehouseConfig config, ProviderRegistry registry, SocialAppRepository apps,
                                            SocialAccountRepository accounts, UserDirectory users, SettingsSource settings,
                                            ErrorLog errorLog, ObjectProvider<Mailer> mailer,
                                            ObjectProvider<LoginListener> listeners, ObjectProvider<Clock> clock) {
        LoginEngine.Builder builder = LoginEngine.builder(config).registry(registry)
                .apps(apps).accounts(accounts).users(users).settings(settings).errorLog(errorLog)
                .mailer(mailer.getIfAvailable(() -> Mailer.NOT_CONFIGURED))
                .clock(clock.getIfAvailable(Clock::systemUTC));
        listeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }
}
