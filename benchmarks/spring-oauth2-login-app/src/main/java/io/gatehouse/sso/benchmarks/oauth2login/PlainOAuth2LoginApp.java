package io.gatehouse.sso.benchmarks.oauth2login;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a team gets from Spring Security alone: {@code oauth2Login} with one client registration
 * ({@code corp}, from {@code spring.security.oauth2.client.*}), every page behind a sign-in. The login load of
 * {@code benchmarks/run.sh} signs in here and in the Gatehouse example with the same IdP and JVM settings.
 *
 * <pre>{@code
 * java -jar target/gatehouse-benchmark-oauth2-login-app-*.jar --bench.issuer=http://127.0.0.1:9000/corp
 * }</pre>
 */
@SpringBootApplication(proxyBeanMethods = false)
public class PlainOAuth2LoginApp {

    public static void main(String[] args) {
        SpringApplication.run(PlainOAuth2LoginApp.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).oauth2Login(Customizer.withDefaults()).build();
    }

    @RestController
    static class Home {
        @GetMapping("/")
        String home(Authentication who) {
            return "signed in as " + who.getName();
        }
    }
}
