package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.config.ConfigKey;

import java.util.List;

/**
 * The start-up settings of outgoing mail, with InvenTree's names: environment variables under the
 * library's prefix ({@code SSO_EMAIL_HOST}, or {@code INVENTREE_EMAIL_HOST} for an InvenTree-like host),
 * lower-case keys in the config file or host map, flat ({@code email_host}) or, as InvenTree's
 * {@code config.yaml} writes them, in an {@code email:} section ({@code email: {host: ...}}).
 *
 * <pre>{@code
 * MailKeys.EMAIL_HOST.envName("INVENTREE_"); // "INVENTREE_EMAIL_HOST"
 * MailKeys.EMAIL_HOST.fileKey();             // "email_host"
 * MailKeys.EMAIL_HOST.nestedPath();          // "email.host"
 * }</pre>
 */
public final class MailKeys {

    /** SMTP server host name or IP address. Required for mail. */
    public static final ConfigKey EMAIL_HOST = new ConfigKey("email_host", "EMAIL_HOST", "email.host");
    /** SMTP port; default 25, or 465 with {@link #EMAIL_SSL}. */
    public static final ConfigKey EMAIL_PORT = new ConfigKey("email_port", "EMAIL_PORT", "email.port");
    /** User name for SMTP AUTH; without it no login is attempted. */
    public static final ConfigKey EMAIL_USERNAME = new ConfigKey("email_username", "EMAIL_USERNAME", "email.username");
    /** Password for SMTP AUTH; never logged or printed. */
    public static final ConfigKey EMAIL_PASSWORD = new ConfigKey("email_password", "EMAIL_PASSWORD", "email.password");
    /** STARTTLS: upgrade the plain connection, and refuse to send if the server does not offer it. */
    public static final ConfigKey EMAIL_TLS = new ConfigKey("email_tls", "EMAIL_TLS", "email.tls");
    /** Implicit TLS (SMTPS, usually port 465). Exclusive with {@link #EMAIL_TLS}. */
    public static final ConfigKey EMAIL_SSL = new ConfigKey("email_ssl", "EMAIL_SSL", "email.ssl");
    /**
     * From address, e.g. {@code noreply@example.com} or {@code InvenTree <noreply@example.com>}. Required for mail;
     * as in InvenTree, {@link #EMAIL_USERNAME} stands in when it is an email address and no sender is set.
     */
    public static final ConfigKey EMAIL_SENDER = new ConfigKey("email_sender", "EMAIL_SENDER", "email.sender");
    /** Connect, read and write time-out in milliseconds; default 10000. */
    public static final ConfigKey EMAIL_TIMEOUT_MS = new ConfigKey("email_timeout_ms", "EMAIL_TIMEOUT_MS", "email.timeout_ms");
    /**
     * The SMTP host (it must equal {@link #EMAIL_HOST}) whose TLS certificate is accepted without checking
     * its chain or name: only for a relay with a self-signed certificate; prefer adding its CA to the JVM trust store.
     */
    public static final ConfigKey EMAIL_SSL_TRUST = new ConfigKey("email_ssl_trust", "EMAIL_SSL_TRUST", "email.ssl_trust");

    /** Text put before every subject, e.g. {@code "[InvenTree] "} (InvenTree's {@code email.prefix}); default none. */
    public static final ConfigKey EMAIL_PREFIX = new ConfigKey("email_prefix", "EMAIL_PREFIX", "email.prefix");
    /**
     * InvenTree's Django mail backend. Gatehouse sends over SMTP only, so only the SMTP backend
     * ({@code django.core.mail.backends.smtp.EmailBackend}) is accepted; any other value fails start-up.
     */
    public static final ConfigKey EMAIL_BACKEND = new ConfigKey("email_backend", "EMAIL_BACKEND", "email.backend");

    /** Every mail key, in documentation order. */
    public static final List<ConfigKey> ALL = List.of(EMAIL_HOST, EMAIL_PORT, EMAIL_USERNAME, EMAIL_PASSWORD, EMAIL_TLS,
            EMAIL_SSL, EMAIL_SENDER, EMAIL_TIMEOUT_MS, EMAIL_SSL_TRUST, EMAIL_PREFIX, EMAIL_BACKEND);

    private MailKeys() {
    }
}
