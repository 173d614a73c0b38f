package io.gatehouse.sso.example;

import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAppRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Map;

/**
 * A minimal Spring Boot application secured by Spring Security, with single sign-on from the Gatehouse
 * starter: {@code /admin/**} needs the group {@code admin}, which group sync maintains from the IdP's
 * {@code groups} claim. Everything Gatehouse-specific is configuration (application.yml) plus the login
 * settings seeded below; the starter does the rest.
 *
 * <pre>{@code
 * mvn -B -q -pl examples/spring-boot-app -am spring-boot:run     # then open http://localhost:8080
 * }</pre>
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringBootExample {
    private static final Logger LOG = LoggerFactory.getLogger(SpringBootExample.class);

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if ("off".equals(env.get("EXAMPLE_LOCAL_SERVICES"))) {
            // a real IdP and mail server, configured through gatehouse.* and spring.mail.* (the login benchmark does this)
            SpringApplication.run(SpringBootExample.class, args);
            return;
        }
        LocalServices services = LocalServices.start(env.getOrDefault("EXAMPLE_BIND", "localhost"),
                Integer.parseInt(env.getOrDefault("EXAMPLE_IDP_PORT", "8091")),
                Integer.parseInt(env.getOrDefault("EXAMPLE_SMTP_PORT", "8026")));
        SpringApplication app = new SpringApplication(SpringBootExample.class);
        app.setDefaultProperties(services.properties());
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("localServices", services));
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        context.registerShutdownHook();
        LOG.info("Gatehouse Spring Boot example at http://localhost:{}/ (local IdP {}: any user name; groups such as "
                        + "/demo/admins make an admin)", context.getEnvironment().getProperty("local.server.port"),
                services.idp().issuer());
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("admin").anyRequest().permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .build();
    }

    /**
     * The login settings an administrator would set (stored in the database, so they are written only when
     * absent), and the local IdP's social application.
     */
    @Bean
    ApplicationRunner localSetup(SettingsStore settings, SocialAppRepository apps, ObjectProvider<LocalServices> services) {
        return args -> {
            Map.of("LOGIN_ENABLE_SSO", "true", "LOGIN_ENABLE_SSO_REG", "true", "LOGIN_ENABLE_SSO_GROUP_SYNC", "true",
                    "SSO_GROUP_KEY", "groups", "SSO_GROUP_MAP", "{\"/demo/admins\": \"admin\", \"/demo/staff\": \"staff\"}",
                    "SSO_REMOVE_GROUPS", "true").forEach((key, value) -> {
                        if (settings.get(key).isEmpty()) {
                            settings.put(key, value);
                        }
                    });
            services.ifAvailable(local -> local.idp().registerSocialApp(apps));
        };
    }
}
