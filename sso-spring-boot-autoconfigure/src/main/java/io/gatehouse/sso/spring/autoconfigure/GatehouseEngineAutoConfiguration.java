package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.AccessTokens;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginListener;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.SessionPolicy;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SingleUseValues;
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
 * in their {@code @Order}; the shared session registry and single-use values when there are beans of them (the JDBC
 * ones; without, the engine keeps them in this node's memory and says so), and the {@link SessionPolicy} of
 * {@code gatehouse.session.*}. The stores come from {@link GatehouseJdbcAutoConfiguration} or the application. Also
 * the engine's token refresh as a bean ({@link AccessTokens}), and the graceful stop of sign-ins when the context
 * closes ({@link GatehouseShutdown}).
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
     * @param sessions the session registry, if any (the JDBC store's by default)
     * @param singleUse the replay store, if any (the JDBC store's by default)
     * @param policy the session policy bean, if any; else from {@code gatehouse.session.*}
     * @param properties the {@code gatehouse.*} properties
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    public LoginEngine gatehouseLoginEngine(GatehouseConfig config, ProviderRegistry registry, SocialAppRepository apps,
                                            SocialAccountRepository accounts, UserDirectory users, SettingsSource settings,
                                            ErrorLog errorLog, ObjectProvider<Mailer> mailer,
                                            ObjectProvider<LoginListener> listeners, ObjectProvider<Clock> clock,
                                            ObjectProvider<SessionRegistry> sessions, ObjectProvider<SingleUseValues> singleUse,
                                            ObjectProvider<SessionPolicy> policy, GatehouseProperties properties) {
        LoginEngine.Builder builder = LoginEngine.builder(config).registry(registry)
                .apps(apps).accounts(accounts).users(users).settings(settings).errorLog(errorLog)
                .mailer(mailer.getIfAvailable(() -> Mailer.NOT_CONFIGURED))
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .sessionPolicy(policy.getIfAvailable(() -> new SessionPolicy(properties.session().maxAge(),
                        properties.session().refreshSkew())));
        sessions.ifAvailable(builder::sessionRegistry);
        singleUse.ifAvailable(builder::singleUseValues);
        listeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }

    /**
     * {@code engine.tokens()}: a valid access token for (user, provider), refreshed once whoever asks.
     *
     * @param engine the login engine
     * @return the engine's access tokens
     */
    @Bean
    @ConditionalOnMissingBean
    public AccessTokens gatehouseAccessTokens(LoginEngine engine) {
        return engine.tokens();
    }

    /**
     * Drains running sign-ins for up to {@code gatehouse.shutdown.timeout} when the context closes.
     *
     * @param engine     the login engine
     * @param properties the {@code gatehouse.*} properties
     * @return the lifecycle bean
     */
    @Bean
    @ConditionalOnMissingBean
    public GatehouseShutdown gatehouseShutdown(LoginEngine engine, GatehouseProperties properties) {
        return new GatehouseShutdown(engine, properties.shutdown().timeout());
    }
}
