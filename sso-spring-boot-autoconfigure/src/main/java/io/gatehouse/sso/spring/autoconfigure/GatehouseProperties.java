package io.gatehouse.sso.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Gatehouse's {@code gatehouse.*} properties. The first group has the keys of Gatehouse's start-up
 * configuration ({@code social_backends}, {@code social_providers}, ... and the {@code email_*} keys), so an
 * InvenTree-style {@code config.yaml} section moves over unchanged; they go through Gatehouse's own
 * validation, and the InvenTree-style environment variables ({@code SSO_SOCIAL_BACKENDS}, prefix
 * configurable) win over them. The nested groups configure the Spring integration.
 *
 * <pre>{@code
 * gatehouse:
 *   social-backends: openid_connect
 *   secret-keys: k1:${GATEHOUSE_DB_KEY}
 *   social-providers: '{"openid_connect": {"APPS": [{"provider_id": "corp", "client_id": "app", ...}]}}'
 * }</pre>
 *
 * @param socialBackends        Enabled provider ids, e.g. "github, keycloak"; allauth module paths are accepted too.
 * @param socialProviders       Per-provider settings: a JSON object as text, or a YAML mapping (write keys such as
 *                              KEYCLOAK_URL in brackets, "[KEYCLOAK_URL]", to keep their case).
 * @param siteUrl               Public base URL, e.g. https://app.example.com; derived per request when empty.
 * @param loginDefaultProtocol  Scheme of derived callback URLs: http or https.
 * @param trustForwardedHeaders Whether X-Forwarded-* / Forwarded headers may set the base URL.
 * @param useXForwardedHost     InvenTree's (Django's) USE_X_FORWARDED_HOST: the base URL's host comes from X-Forwarded-Host.
 * @param useXForwardedPort     InvenTree's (Django's) USE_X_FORWARDED_PORT: the base URL's port comes from X-Forwarded-Port.
 * @param transactionKey        32 random bytes in base64 sealing login transactions; the same on every node.
 * @param transactionTtlSeconds How long a started login may take, in seconds (default 600).
 * @param httpTimeoutMs         Connect and read time-out of calls to identity providers, in milliseconds (default 5000).
 * @param secretKeys            The keys encrypting client secrets and tokens in the database:
 *                              id:base64Key[,id:base64Key...], the current one first.
 * @param emailHost             SMTP host, when Spring Boot's spring.mail.host is not set.
 * @param emailPort             SMTP port (default by security: 25, 587 or 465).
 * @param emailUsername         SMTP user name.
 * @param emailPassword         SMTP password.
 * @param emailTls              Use STARTTLS.
 * @param emailSsl              Use implicit TLS (SMTPS).
 * @param emailSender           The From address of Gatehouse's mails, e.g. {@code "App <noreply@example.com>"}; needed with
 *                              spring.mail.* too.
 * @param emailTimeoutMs        SMTP time-out in milliseconds.
 * @param emailSslTrust         The SMTP host whose certificate is accepted without checks (testing only).
 * @param emailPrefix           Text put before every mail subject, e.g. "[App] " (InvenTree's email.prefix).
 * @param emailBackend          InvenTree's Django mail backend; only the SMTP backend is accepted.
 * @param email                 The same mail settings as a section, the way InvenTree's config.yaml writes them
 *                              (gatehouse.email.host is gatehouse.email-host); one setting given both ways fails start-up.
 * @param errorLogMaxAgeDays    Days an error-log record is kept after its last failure (default 90).
 * @param errorLogFloodWindowSeconds Seconds within which identical failures share one error-log record (default 3600).
 * @param envPrefix             Prefix of the InvenTree-style environment variables, e.g. SSO_ or INVENTREE_.
 * @param configFile            A YAML or JSON file with the same keys (an InvenTree config.yaml); environment
 *                              variables win over it, and it wins over these properties.
 * @param jdbc                  The JDBC stores on the application's DataSource.
 * @param web                   The servlet routes.
 * @param security              The Spring Security integration.
 * @param health                The Actuator health indicator.
 * @param session               Sign-in sessions and token refresh.
 * @param admin                 The admin pages (sso-admin).
 * @param shutdown              The graceful stop of sign-ins when the application context closes.
 */
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
        List<String> socialBackends, Object socialProviders, String siteUrl, String loginDefaultProtocol,
        Boolean trustForwardedHeaders, Boolean useXForwardedHost, Boolean useXForwardedPort, String transactionKey,
        Long transactionTtlSeconds, Long httpTimeoutMs, String secretKeys,
        String emailHost, Integer emailPort, String emailUsername, String emailPassword, Boolean emailTls,
        Boolean emailSsl, String emailSender, Long emailTimeoutMs, String emailSslTrust, String emailPrefix,
        String emailBackend, @DefaultValue Email email, Long errorLogMaxAgeDays, Long errorLogFloodWindowSeconds,
        @DefaultValue("SSO_") String envPrefix, String configFile,
        @DefaultValue Jdbc jdbc, @DefaultValue Web web, @DefaultValue Security security, @DefaultValue Health health,
        @DefaultValue Session session, @DefaultValue Admin admin, @DefaultValue Shutdown shutdown) {

    /**
     * The mail settings as InvenTree's config.yaml section {@code email:} writes them.
     *
     * @param host      SMTP host.
     * @param port      SMTP port.
     * @param username  SMTP user name.
     * @param password  SMTP password.
     * @param tls       Use STARTTLS.
     * @param ssl       Use implicit TLS (SMTPS).
     * @param sender    The From address of Gatehouse's mails.
     * @param timeoutMs SMTP time-out in milliseconds.
     * @param sslTrust  The SMTP host whose certificate is accepted without checks (testing only).
     * @param prefix    Text put before every mail subject.
     * @param backend   InvenTree's Django mail backend; only the SMTP backend is accepted.
     */
    public record Email(String host, Integer port, String username, String password, Boolean tls, Boolean ssl,
                        String sender, Long timeoutMs, String sslTrust, String prefix, String backend) {
    }

    /**
     * Sign-in sessions and token refresh (the engine's SessionPolicy).
     *
     * @param maxAge      The longest a sign-in session lives; after it the browser is signed out even without word
     *                    from the identity provider. At least your HTTP sessions' longest life.
     * @param refreshSkew An access token expiring within this counts as expired: engine.tokens() refreshes it.
     */
    public record Session(@DefaultValue("24h") Duration maxAge, @DefaultValue("60s") Duration refreshSkew) {
    }

    /**
     * The admin pages of sso-admin (social applications, login settings, accounts, error log, checks).
     *
     * @param path      Where the pages are mounted, e.g. /admin/sso; empty (the default) mounts nothing.
     * @param authority The Spring Security authority a user needs to see and change them; with the default
     *                  authority prefix, ROLE_admin is the local group admin.
     */
    public record Admin(String path, @DefaultValue("ROLE_admin") String authority) {
    }

    /**
     * The graceful stop of sign-ins when the application context closes (LoginEngine.shutdown).
     *
     * @param timeout How long the close waits for sign-ins already under way; new ones get 503 from the start.
     */
    public record Shutdown(@DefaultValue("20s") Duration timeout) {
    }

    /**
     * The JDBC stores.
     *
     * @param migrate Apply Gatehouse's schema migrations at start-up; off when the application runs them with its
     *                own Flyway or Liquibase (classpath:io/gatehouse/sso/jdbc/migration).
     */
    public record Jdbc(@DefaultValue("true") boolean migrate) {
    }

    /**
     * The servlet routes.
     *
     * @param accountsPath Where the routes are mounted; must end in /accounts (callback URLs are
     *                     BASE/accounts/PROVIDER/login/callback/).
     */
    public record Web(@DefaultValue("/accounts") String accountsPath) {
    }

    /**
     * The Spring Security integration.
     *
     * @param authorityPrefix  Prefix of the authorities made from the user's local groups: with ROLE_,
     *                         hasRole("admin") matches the group admin.
     * @param loginPage        Where unauthenticated users are sent (with ?next=); empty leaves the application's
     *                         entry point alone.
     * @param applyToAllChains Apply Gatehouse's DSL to every SecurityFilterChain; off to apply it per chain with
     *                         http.with(Gatehouse.dsl(), ...).
     */
    public record Security(@DefaultValue("ROLE_") String authorityPrefix, String loginPage,
                           @DefaultValue("true") boolean applyToAllChains) {
    }

    /**
     * The Actuator health indicator.
     *
     * @param idpTimeout Time-out of one identity provider's discovery-document check.
     * @param cacheTtl   How long a check's result is reused, so health probes do not hammer the identity providers.
     */
    public record Health(@DefaultValue("2s") Duration idpTimeout, @DefaultValue("60s") Duration cacheTtl) {
    }
}
