package io.gatehouse.sso.example.snippets;

import io.gatehouse.sso.core.AccessTokens;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spring.security.Gatehouse;
import io.gatehouse.sso.spring.security.GatehouseAuthorities;
import io.gatehouse.sso.spring.security.GatehouseUser;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The Java of docs/spring-boot.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide.
 * Deliberately not a {@code @Configuration}: the example application's component scan must not pick these beans up.
 */
final class SpringBootSnippets {
    // snippet:chain
    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.with(Gatehouse.dsl(), gatehouse -> gatehouse.loginPage("/login"))
                .authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("admin").anyRequest().permitAll())
                .build();
    }
    // end:chain

    // snippet:authorities
    @Bean
    GatehouseAuthorities authorities(GroupStore groups) {
        return user -> groups.groupNamesOf(user.id()).stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
    }
    // end:authorities

    // snippet:access-tokens
    @RestController
    class Calendar {
        private final AccessTokens tokens;

        Calendar(AccessTokens tokens) {
            this.tokens = tokens;
        }

        @GetMapping("/calendar")
        String calendar(@AuthenticationPrincipal GatehouseUser user) {
            TokenOutcome token = tokens.current(user.id(), "keycloak", URI.create("https://app.example.com"));
            return token instanceof TokenOutcome.Current current ? callTheApi(current.accessToken()) : "please sign in again";
        }
    }
    // end:access-tokens

    /** Stands for the application's own call to the IdP's API with the token. */
    static String callTheApi(String accessToken) {
        return "events for a token of " + accessToken.length() + " characters";
    }
}
