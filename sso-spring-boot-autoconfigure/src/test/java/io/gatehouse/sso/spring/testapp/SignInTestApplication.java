package io.gatehouse.sso.spring.testapp;

import io.gatehouse.sso.spi.SettingsStore;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small Spring Security application of the kind the starter is for: {@code /admin/**} needs the group
 * {@code admin}, {@code /me} any sign-in, the rest is public; its login page is Gatehouse's login route.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SignInTestApplication {

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("admin")
                        .requestMatchers("/me").authenticated()
                        .anyRequest().permitAll())
                .logout(Customizer.withDefaults())
                .build();
    }

    /** SSO on, registration open, group sync from the {@code groups} claim. */
    @Bean
    ApplicationRunner loginSettings(SettingsStore settings) {
        return args -> Map.of("LOGIN_ENABLE_SSO", "true", "LOGIN_ENABLE_SSO_REG", "true",
                "LOGIN_ENABLE_SSO_GROUP_SYNC", "true", "SSO_GROUP_KEY", "groups",
                "SSO_GROUP_MAP", "{\"/corp/admins\": \"admin\", \"/corp/staff\": \"staff\"}",
                "SSO_REMOVE_GROUPS", "true").forEach(settings::put);
    }

    @RestController
    static class Pages {
        @GetMapping("/admin")
        String admin(Authentication who) {
            return "admin area for " + who.getName();
        }

        @GetMapping("/me")
        String me(Authentication who) {
            return who.getName() + " " + who.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                    .collect(Collectors.joining(",", "[", "]"));
        }

        @GetMapping("/")
        String home() {
            return "home";
        }

        /** A form field with the request's CSRF token, as any page of the application would render it. */
        @GetMapping("/csrf")
        String csrf(CsrfToken token) {
            return "<input type=\"hidden\" name=\"" + token.getParameterName() + "\" value=\"" + token.getToken() + "\">";
        }
    }
}
