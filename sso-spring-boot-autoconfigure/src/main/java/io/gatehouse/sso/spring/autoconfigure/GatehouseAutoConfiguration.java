package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The base of Gatehouse's auto-configuration: its start-up configuration, read from Spring's
 * {@code Environment} ({@link EnvironmentConfigValues}) and validated at start-up, and the provider
 * backends it enables, from the provider modules on the class path plus any {@link ProviderBackend} bean.
 * A bad value fails start-up with a message naming the property ({@link GatehouseConfigFailureAnalyzer}).
 */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
public class GatehouseAutoConfiguration {

    /**
     * The start-up configuration, read and validated from the {@code gatehouse.*} properties and the environment,
     * unless the application defines one.
     *
     * @param properties the {@code gatehouse.*} properties
     * @param environment the application's environment
     * @return the configuration
     * @throws io.gatehouse.sso.core.config.ConfigException naming the first bad key
     */
    @Bean
    @ConditionalOnMissingBean
    public GatehouseConfig gatehouseConfig(GatehouseProperties properties, ConfigurableEnvironment environment) {
        return GatehouseConfig.read(EnvironmentConfigValues.of(properties, environment));
    }

    /**
     * The enabled backends: provider beans of the application, then those on the class path, unless the application
     * defines a registry.
     *
     * @param config the start-up configuration ({@code social_backends})
     * @param beans provider backends the application defines as beans
     * @return the registry
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderRegistry gatehouseProviderRegistry(GatehouseConfig config, ObjectProvider<ProviderBackend> beans) {
        List<ProviderBackend> available = new ArrayList<>();
        beans.orderedStream().forEach(available::add);
        // the class loader that loaded the application's classes, also inside an executable jar
        ServiceLoader.load(ProviderBackend.class, GatehouseAutoConfiguration.class.getClassLoader()).forEach(available::add);
        return ProviderRegistry.of(config.backends(), available);
    }
}
