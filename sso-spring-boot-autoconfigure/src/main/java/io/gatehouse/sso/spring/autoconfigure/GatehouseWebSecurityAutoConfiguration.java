package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.servlet.CsrfCheck;
import io.gatehouse.sso.servlet.MinimalPageRenderer;
import io.gatehouse.sso.servlet.PageRenderer;
import io.gatehouse.sso.servlet.RpInitiatedLogout;
import io.gatehouse.sso.servlet.SessionBinder;
import io.gatehouse.sso.servlet.SsoServlet;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spring.security.Gatehouse;
import io.gatehouse.sso.spring.security.GatehouseAuthorities;
import io.gatehouse.sso.spring.security.GatehouseLogoutHandler;
import io.gatehouse.sso.spring.security.GroupAuthorities;
import io.gatehouse.sso.spring.security.SpringSecurityCsrfCheck;
import io.gatehouse.sso.spring.security.SpringSecuritySessionBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import java.util.List;

/**
 * Gatehouse's routes inside a Spring Security application: the {@link SsoServlet} at
 * {@code gatehouse.web.accounts-path} ({@code /accounts/*}), signing users in as Spring Security authentications
 * ({@link SpringSecuritySessionBinder}) with authorities from their local groups, its POSTs guarded by Spring
 * Security's CSRF token ({@link SpringSecurityCsrfCheck}), Spring Security's logout continuing at the IdP
 * ({@link GatehouseLogoutHandler}), and Gatehouse's DSL applied to every
 * {@code SecurityFilterChain} through a {@code Customizer<HttpSecurity>} bean (off with
 * {@code gatehouse.security.apply-to-all-chains=false}).
 */
@AutoConfiguration(after = GatehouseEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SsoServlet.class, HttpSecurity.class})
@ConditionalOnBean(LoginEngine.class)
public class GatehouseWebSecurityAutoConfiguration {

    /**
     * The user's authorities at sign-in: {@code ROLE_<group>} of each local group by default, unless the application
     * defines its own.
     *
     * @param groups the group store, if any (without one, users get no authorities)
     * @param properties the {@code gatehouse.*} properties (the prefix)
     * @return the authorities
     */
    @Bean
    @ConditionalOnMissingBean
    public GatehouseAuthorities gatehouseAuthorities(ObjectProvider<GroupStore> groups, GatehouseProperties properties) {
        GroupStore store = groups.getIfAvailable();
        return store == null ? user -> List.of() : new GroupAuthorities(store, properties.security().authorityPrefix());
    }

    /**
     * Signs users in through Spring Security, unless the application defines a binder.
     *
     * @param authorities the authorities at sign-in
     * @param events where the authentication success event is published
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionBinder gatehouseSessionBinder(GatehouseAuthorities authorities, ApplicationEventPublisher events) {
        return new SpringSecuritySessionBinder(authorities, events);
    }

    /**
     * The default CSRF check (same origin), unless the application defines one.
     *
     * @return the check
     */
    @Bean
    @ConditionalOnMissingBean
    public CsrfCheck gatehouseCsrfCheck() {
        return new SpringSecurityCsrfCheck();
    }

    /**
     * The default page look, unless the application defines a renderer.
     *
     * @return the renderer
     */
    @Bean
    @ConditionalOnMissingBean
    public PageRenderer gatehousePageRenderer() {
        return new MinimalPageRenderer();
    }

    /**
     * The RP-initiated logout of the servlet mounted at {@code gatehouse.web.accounts-path}, unless the application defines one.
     *
     * @param engine     the login engine
     * @param properties the {@code gatehouse.*} properties
     * @return the RP-initiated logout
     */
    @Bean
    @ConditionalOnMissingBean
    public RpInitiatedLogout gatehouseRpInitiatedLogout(LoginEngine engine, GatehouseProperties properties) {
        return new RpInitiatedLogout(engine, accountsPath(properties));
    }

    /**
     * Ends the sign-in session on Spring Security's logout, unless the application defines a handler.
     *
     * @param idp the RP-initiated logout
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public GatehouseLogoutHandler gatehouseLogoutHandler(RpInitiatedLogout idp) {
        return new GatehouseLogoutHandler(idp);
    }

    /**
     * The SSO servlet under the {@code gatehouse.*} path, unless the application registers its own.
     *
     * @param engine the login engine
     * @param binder the session binder
     * @param csrf the CSRF check
     * @param pages the page renderer
     * @param properties the {@code gatehouse.*} properties (the path)
     * @return the servlet registration
     */
    @Bean
    @ConditionalOnMissingBean(name = "gatehouseSsoServlet")
    public ServletRegistrationBean<SsoServlet> gatehouseSsoServlet(LoginEngine engine, SessionBinder binder, CsrfCheck csrf,
                                                                  PageRenderer pages, GatehouseProperties properties) {
        String path = accountsPath(properties);
        SsoServlet servlet = SsoServlet.builder(engine).sessionBinder(binder).csrfCheck(csrf).pageRenderer(pages).build();
        ServletRegistrationBean<SsoServlet> registration = new ServletRegistrationBean<>(servlet, path + "/*");
        registration.setName("gatehouse-sso");
        return registration;
    }

    private static String accountsPath(GatehouseProperties properties) {
        String path = properties.web().accountsPath();
        if (path == null || !path.startsWith("/") || !path.endsWith("/accounts")) {
            throw new ConfigException("gatehouse.web.accounts-path", "gatehouse.web.accounts-path must be a path ending in "
                    + "/accounts, such as /accounts or /sso/accounts (callback URLs are <base>/accounts/<provider>/login/callback/), not '"
                    + path + "'");
        }
        return path;
    }

    /**
     * Applies Gatehouse's DSL to every security filter chain, unless {@code gatehouse.security.apply-to-all-chains} is
     * false.
     *
     * @return the customizer
     */
    @Bean
    @ConditionalOnProperty(prefix = "gatehouse.security", name = "apply-to-all-chains", matchIfMissing = true)
    @ConditionalOnMissingBean(name = "gatehouseHttpSecurityCustomizer")
    public Customizer<HttpSecurity> gatehouseHttpSecurityCustomizer() {
        return http -> {
            try {
                http.with(Gatehouse.dsl(), Customizer.withDefaults());
            } catch (Exception e) {
                throw new IllegalStateException("Gatehouse's DSL could not be applied", e);
            }
        };
    }
}
