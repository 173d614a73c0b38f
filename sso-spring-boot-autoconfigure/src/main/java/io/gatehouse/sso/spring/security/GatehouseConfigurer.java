package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.spring.autoconfigure.GatehouseProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.Optional;

/**
 * Gatehouse's Spring Security DSL for one {@code SecurityFilterChain} ({@link Gatehouse#dsl()}). It lets
 * everyone reach the {@code /accounts/**} routes, hands the chain's security-context repository and session
 * strategy to the servlet's sign-in ({@link SignInContext}), adds Gatehouse's part to the chain's logout, and,
 * with a login page, sends unauthenticated browsers there. It changes nothing else of the chain: the
 * application keeps its own rules, CSRF setup and session management, and Gatehouse uses them.
 *
 * <pre>{@code
 * http.with(Gatehouse.dsl(), gatehouse -> gatehouse.loginPage("/login"))
 *     .authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("admin").anyRequest().authenticated());
 * }</pre>
 */
public final class GatehouseConfigurer extends AbstractHttpConfigurer<GatehouseConfigurer, HttpSecurity> {
    private String loginPage;
    private boolean permitRoutes = true;

    GatehouseConfigurer() {
    }

    /**
     * Sends unauthenticated browsers to this page ({@code ?next=} the page they asked for); default {@code
     * gatehouse.security.login-page}.
     *
     * @param path the login page's path
     * @return this configurer
     */
    public GatehouseConfigurer loginPage(String path) {
        this.loginPage = path;
        return this;
    }

    /**
     * Whether the routes are open to everyone (default); off when the application's rules must decide about them.
     *
     * @param permit false to leave the routes to the application's rules
     * @return this configurer
     */
    public GatehouseConfigurer permitRoutes(boolean permit) {
        this.permitRoutes = permit;
        return this;
    }

    @Override
    public void init(HttpSecurity http) {
        Optional<GatehouseProperties> properties = properties(http);
        String accounts = properties.map(p -> p.web().accountsPath()).orElse("/accounts");
        AuthorizeHttpRequestsConfigurer<?> authorization = http.getConfigurer(AuthorizeHttpRequestsConfigurer.class);
        if (permitRoutes && authorization != null) {
            authorization.withObjectPostProcessor(new AccountsRoutesPermit(
                    PathPatternRequestMatcher.withDefaults().matcher(accounts + "/**")));
        }
        LogoutConfigurer<?> logout = http.getConfigurer(LogoutConfigurer.class);
        if (logout != null) {
            logout.addLogoutHandler(bean(http, GatehouseLogoutHandler.class).orElseGet(GatehouseLogoutHandler::new));
        }
        String page = loginPage != null ? loginPage : properties.map(p -> p.security().loginPage()).orElse(null);
        if (page != null && !page.isBlank()) {
            try {
                http.exceptionHandling(e -> e.authenticationEntryPoint(new LoginPageEntryPoint(page)));
            } catch (Exception e) {
                throw new IllegalStateException("Gatehouse could not set the login page entry point", e);
            }
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        SecurityContextRepository repository = Optional.ofNullable(http.getSharedObject(SecurityContextRepository.class))
                .orElseGet(HttpSessionSecurityContextRepository::new);
        SessionAuthenticationStrategy sessions = Optional.ofNullable(http.getSharedObject(SessionAuthenticationStrategy.class))
                .orElseGet(ChangeSessionIdAuthenticationStrategy::new);
        SignInContext context = new SignInContext(repository, sessions, getSecurityContextHolderStrategy());
        http.addFilterAfter(context.filter(), SecurityContextHolderFilter.class);
    }

    private static Optional<GatehouseProperties> properties(HttpSecurity http) {
        return bean(http, GatehouseProperties.class);
    }

    private static <T> Optional<T> bean(HttpSecurity http, Class<T> type) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        return context == null ? Optional.empty() : Optional.ofNullable(context.getBeanProvider(type).getIfAvailable());
    }
}
