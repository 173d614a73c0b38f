package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.admin.AdminAuthorization;
import io.gatehouse.sso.admin.AdminServlet;
import io.gatehouse.sso.admin.OtherSignIn;
import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spring.security.SpringSecurityAdminAuthorization;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * sso-admin's pages (social applications, login settings, accounts, error log, checks) at {@code gatehouse.admin.path}
 * when that property is set and sso-admin is on the class path; nothing is mounted by default. Who may use them is
 * Spring Security's decision: an authenticated user with {@code gatehouse.admin.authority} (default
 * {@code ROLE_admin}, the group {@code admin}); the application's own {@link AdminAuthorization} bean replaces it.
 * The pages check their own CSRF token on every POST, so Gatehouse's DSL leaves that path out of Spring's CSRF filter.
 *
 * <pre>{@code
 * gatehouse:
 *   admin:
 *     path: /admin/sso
 * }</pre>
 */
@AutoConfiguration(after = GatehouseEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({AdminServlet.class, HttpSecurity.class})
@ConditionalOnProperty(prefix = "gatehouse.admin", name = "path")
@ConditionalOnBean(GatehouseConfig.class)
public class GatehouseAdminAutoConfiguration {

    /**
     * Who may use the admin pages: a user with the authority {@code gatehouse.admin.authority} (default
     * {@code ROLE_admin}, the group {@code admin} that group sync maintains), unless the application defines one.
     *
     * @param properties the {@code gatehouse.*} properties
     * @return the authorization check
     */
    @Bean
    @ConditionalOnMissingBean
    public AdminAuthorization gatehouseAdminAuthorization(GatehouseProperties properties) {
        return new SpringSecurityAdminAuthorization(properties.admin().authority(), SecurityContextHolder.getContextHolderStrategy());
    }

    /**
     * The admin pages at {@code gatehouse.admin.path}, unless the application registers a bean of this name.
     *
     * @param config        the start-up configuration
     * @param registry      the enabled backends
     * @param apps          the social applications
     * @param accounts      the identity links and tokens
     * @param users         the users
     * @param settings      the live login settings, if writable
     * @param errorLog      the error log
     * @param mailer        the mailer, if any (for the test mail)
     * @param authorization who may use the pages
     * @param otherSignIn   the application's own way to sign in, if any (unlinking a last identity asks about it)
     * @param properties    the {@code gatehouse.*} properties
     * @return the servlet's registration
     */
    @Bean
    @ConditionalOnMissingBean(name = "gatehouseAdminServlet")
    public ServletRegistrationBean<AdminServlet> gatehouseAdminServlet(
            GatehouseConfig config, ProviderRegistry registry, SocialAppRepository apps, SocialAccountRepository accounts,
            UserDirectory users, ObjectProvider<SettingsStore> settings, ErrorLog errorLog, ObjectProvider<Mailer> mailer,
            AdminAuthorization authorization, ObjectProvider<OtherSignIn> otherSignIn, GatehouseProperties properties) {
        String path = properties.admin().path();
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("*")) {
            throw new ConfigException("gatehouse.admin.path", "gatehouse.admin.path must be a path such as /admin/sso "
                    + "(no trailing slash, no wildcard), not '" + path + "'");
        }
        SettingsStore store = settings.getIfAvailable(() -> {
            throw new ConfigException("gatehouse.admin.path", "The admin pages at " + path + " edit the login settings, so "
                    + "they need a SettingsStore bean; the application's SettingsSource is read-only");
        });
        String accountsPath = properties.web().accountsPath();
        AdminServlet admin = AdminServlet.builder(config).registry(registry).apps(apps).accounts(accounts)
                .users(users).settings(store).errorLog(errorLog).mailer(mailer.getIfAvailable(() -> Mailer.NOT_CONFIGURED))
                .authorization(authorization).otherSignIn(otherSignIn.getIfAvailable(() -> OtherSignIn.NONE))
                .ssoPrefix(accountsPath.substring(0, accountsPath.length() - "/accounts".length())).build();
        ServletRegistrationBean<AdminServlet> registration = new ServletRegistrationBean<>(admin, path + "/*");
        registration.setName("gatehouse-admin");
        return registration;
    }
}
