package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spring.actuate.CallbackMetricsFilter;
import io.gatehouse.sso.spring.actuate.GatehouseMetrics;
import io.gatehouse.sso.spring.actuate.KnownRoutes;
import io.gatehouse.sso.spring.actuate.MeteredGroupStores;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/**
 * Gatehouse's Micrometer meters ({@link GatehouseMetrics}) when Micrometer and a {@code MeterRegistry} are
 * present: callbacks by provider and outcome with their duration, group changes, and the token-refresh counter.
 */
@AutoConfiguration(after = {MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        GatehouseWebSecurityAutoConfiguration.class})
@ConditionalOnClass({MeterRegistry.class, MetricsAutoConfiguration.class})
@ConditionalOnBean(MeterRegistry.class)
public class GatehouseMetricsAutoConfiguration {

    /**
     * The meters, unless the application defines them.
     *
     * @param registry the application's meter registry
     * @return the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public GatehouseMetrics gatehouseMetrics(MeterRegistry registry) {
        return new GatehouseMetrics(registry);
    }

    /**
     * Static: a post-processor is created before the other beans, and must not pull them in early.
     *
     * @param metrics the metrics, resolved late
     * @return the post-processor
     */
    @Bean
    public static BeanPostProcessor gatehouseMeteredGroupStores(ObjectProvider<GatehouseMetrics> metrics) {
        return new MeteredGroupStores(metrics);
    }

    /**
     * The filter that times the IdP callbacks, registered in front of the SSO servlet.
     *
     * @param metrics the metrics
     * @param apps the social applications
     * @param config the start-up configuration
     * @param registry the enabled backends
     * @param properties the {@code gatehouse.*} properties (the routes' path)
     * @param clock the clock bean, if any
     * @return the filter registration
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean({SocialAppRepository.class, GatehouseConfig.class, ProviderRegistry.class})
    @ConditionalOnMissingBean(name = "gatehouseCallbackMetrics")
    public FilterRegistrationBean<CallbackMetricsFilter> gatehouseCallbackMetrics(
            GatehouseMetrics metrics, SocialAppRepository apps, GatehouseConfig config, ProviderRegistry registry,
            GatehouseProperties properties, ObjectProvider<Clock> clock) {
        KnownRoutes known = new KnownRoutes(apps, config, registry, Duration.ofSeconds(30), clock.getIfAvailable(Clock::systemUTC));
        String accounts = properties.web().accountsPath();
        FilterRegistrationBean<CallbackMetricsFilter> registration = new FilterRegistrationBean<>(
                new CallbackMetricsFilter(metrics, known, accounts));
        registration.addUrlPatterns(accounts + "/*");
        registration.setName("gatehouseCallbackMetrics");
        return registration;
    }
}
