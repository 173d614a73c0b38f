package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.config.ConfigKey;

import java.util.List;

/**
 * The start-up settings of outgoing mail, with InvenTree's names: environment variables under the
 * library's prefix ({@code SSO_EMAIL_HOST}, or {@code INVENTREE_EMAIL_HOST} for an InvenTree-like host),
 * lower-case keys in the config file or host map ({@code email_host}).
 *
 * <pre>{@code
 * MailKeys.EMAIL_HOST.envName("INVENTREE_"); // "INVENTREE_EMAIL_HOST"
 * MailKeys.EMAIL_HOST.fileKey();             // "email_host"
 * }</pre>
 */
public final class MailKeys {

    /** SMTP server host name or IP address. Required for mail. */
    public static final ConfigKey EMAIL_HOST = new ConfigKey("email_host", "EMAIL_HOST");
    /** SMTP port; default 25, or 465 with {@link #EMAIL_SSL}. */
    public static final ConfigKey EMAIL_PORT = new ConfigKey("email_port", "EMAIL_PORT");
    /** User name for SMTP AUTH; without it no login is attempted. */
    public static final ConfigKey EMAIL_USERNAME = new ConfigKey("email_username", "EMAIL_USERNAME");
    /** Password for SMTP AUTH; never logged or printed. */
    public static final ConfigKey EMAIL_PASSWORD = new ConfigKey("email_password", "EMAIL_PASSWORD");
    /** STARTTLS: upgrade the plain connection, and refuse to send if the server does not offer it. */
    public static final ConfigKey EMAIL_TLS = new ConfigKey("email_tls", "EMAIL_TLS");
    /** Implicit TLS (SMTPS, usually port 465). Exclusive with {@link #EMAIL_TLS}. */
    public static final ConfigKey EMAIL_SSL = new ConfigKey("email_ssl", "EMAIL_SSL");
    /** From address, e.g. {@code noreply@example.com} or {@code InvenTree <noreply@example.com>}. Required for mail. */
    public static final ConfigKey EMAIL_SENDER = new ConfigKey("email_sender", "EMAIL_SENDER");
    /** Connect, read and write time-out in milliseconds; default 10000. */
    public static final ConfigKey EMAIL_TIMEOUT_MS = new ConfigKey("email_timeout_ms", "EMAIL_TIMEOUT_MS");
    /**
     * The SMTP host (it must equal {@link #EMAIL_HOST}) whose TLS certificate is accepted without checking
     * its chain or name: only for a relay with a self-signed certificate; prefer adding its CA to the JVM trust store.
     */
    public static final ConfigKey EMAIL_SSL_TRUST = new ConfigKey("email_ssl_trust", "EMAIL_SSL_TRUST");

    /** Every mail key, in documentation order. */
    public static final List<ConfigKey> ALL = List.of(EMAIL_HOST, EMAIL_PORT, EMAIL_USERNAME, EMAIL_PASSWORD, EMAIL_TLS,
            EMAIL_SSL, EMAIL_SENDER, EMAIL_TIMEOUT_MS, EMAIL_SSL_TRUST);

    private MailKeys() {
    }
}
