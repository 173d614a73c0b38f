package io.gatehouse.sso.spring.security;

/**
 * Entry point of Gatehouse's Spring Security DSL. The starter applies it to every chain unless
 * {@code gatehouse.security.apply-to-all-chains=false}; then apply it to the chain serving the
 * {@code /accounts/**} routes yourself.
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain app(HttpSecurity http) throws Exception {
 *     return http.with(Gatehouse.dsl(), gatehouse -> gatehouse.loginPage("/login"))
 *             .authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("admin").anyRequest().permitAll())
 *             .build();
 * }
 * }</pre>
 */
public final class Gatehouse {
    private Gatehouse() {
    }

    /**
     * A new configurer for one chain.
     *
     * @return the configurer
     */
    public static GatehouseConfigurer dsl() {
        return new GatehouseConfigurer();
    }
}
