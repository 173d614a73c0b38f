package io.gatehouse.sso.mail;

/**
 * How the connection to the SMTP server is protected. One value instead of InvenTree's two flags
 * ({@code EMAIL_TLS}, {@code EMAIL_SSL}), so "both on" cannot be represented.
 *
 * <pre>{@code
 * SmtpSecurity.STARTTLS.defaultPort(); // 25 (submission servers usually listen on 587: set EMAIL_PORT)
 * }</pre>
 */
public enum SmtpSecurity {
    /** Plain SMTP: only for a relay on a trusted network. */
    NONE(25),
    /** {@code EMAIL_TLS}: plain connection upgraded with STARTTLS; sending fails if the server does not offer it. */
    STARTTLS(25),
    /** {@code EMAIL_SSL}: TLS from the first byte (SMTPS). */
    IMPLICIT_TLS(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /**
     * The port used when {@code EMAIL_PORT} is not set.
     *
     * @return 25 for plain and STARTTLS, 465 for implicit TLS
     */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Whether the connection is encrypted.
     *
     * @return false only for plain SMTP
     */
    public boolean encrypted() {
        return this != NONE;
    }
}
