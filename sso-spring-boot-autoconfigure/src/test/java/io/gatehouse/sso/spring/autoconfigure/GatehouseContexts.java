package io.gatehouse.sso.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;
import java.util.UUID;

/** Context runners with Gatehouse's auto-configuration on a fresh H2 database, as a Spring Boot application gets it. */
final class GatehouseContexts {
    static final String KEY = "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private GatehouseContexts() {
    }

    static AutoConfigurations gatehouse() {
        return AutoConfigurations.of(GatehouseAutoConfiguration.class, GatehouseJdbcAutoConfiguration.class,
                GatehouseMailAutoConfiguration.class, GatehouseGroupSyncAutoConfiguration.class,
                GatehouseEngineAutoConfiguration.class, GatehouseWebSecurityAutoConfiguration.class,
                GatehouseHealthAutoConfiguration.class, GatehouseMetricsAutoConfiguration.class);
    }

    /** A servlet application with a database, Spring Security and Gatehouse; no environment variables. */
    static WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class))
                .withConfiguration(gatehouse())
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "gatehouse.secret-keys=" + KEY)
                .withInitializer(context -> environmentVariables(context.getEnvironment(), Map.of()));
    }

    /** Replaces the process's environment variables, as the application would see them. */
    static void environmentVariables(org.springframework.core.env.ConfigurableEnvironment environment, Map<String, Object> variables) {
        environment.getPropertySources().replace("systemEnvironment", new SystemEnvironmentPropertySource("systemEnvironment", variables));
    }
}
