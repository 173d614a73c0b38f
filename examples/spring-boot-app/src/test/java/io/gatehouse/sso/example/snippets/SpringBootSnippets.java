package io.gatehouse.sso.example.snippets;

import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spring.security.Gatehouse;
import io.gatehouse.sso.spring.security.GatehouseAuthorities;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

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
}
