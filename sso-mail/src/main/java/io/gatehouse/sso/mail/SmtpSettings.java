package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.settings.EmailAddresses;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the SMTP server, read from the start-up configuration ({@link MailKeys}) and validated
 * as a whole: a bad value is a {@link ConfigException} naming the key, so a typo fails start-up rather
 * than the first sign-up. Absent host or sender is not an error: mail is then simply not
 * {@linkplain #configured() configured}, and SSO registration stays closed.
 *
 * <pre>{@code
 * SmtpSettings smtp = SmtpSettings.read(config.values());
 * if (!smtp.configured()) { ... smtp.missing() names the keys to set ... }
 * }</pre>
 *
 * @param host        SMTP host name or IP address; empty when not configured
 * @param port        SMTP port, 1 to 65535
 * @param username    SMTP AUTH user; empty for no login
 * @param password    SMTP AUTH password; empty for no login. Never printed by {@link #toString()}
 * @param security    plain, STARTTLS or implicit TLS
 * @param sender      the From address as configured (may carry a display name); empty when not configured
 * @param timeout     connect, read and write time-out
 * @param trustedHost the host whose certificate is accepted without checks ({@code EMAIL_SSL_TRUST}); usually empty
 * @param subjectPrefix text put before every subject ({@code EMAIL_PREFIX}, e.g. {@code "[InvenTree] "}); usually empty
 */
public record SmtpSettings(String host, int port, String username, String password, SmtpSecurity security,
                           String sender, Duration timeout, String trustedHost, String subjectPrefix) {

    /** The one Django mail backend InvenTree's {@code email.backend} may name: SMTP, which is what Gatehouse does. */
    public static final String DJANGO_SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend";

    /** Used when {@code EMAIL_TIMEOUT_MS} is not set: long enough for a slow relay, short enough for a request thread. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    // a host name (underscores allowed: container names), an IPv4 address, or an IPv6 literal
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?"
                    + "|\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*]?");

    /**
     * Requires {@code security} and {@code timeout}; {@code null} texts become empty. Prefer {@link #read}, which also
     * validates.
     *
     * @param host SMTP host name or IP address; empty when not configured
     * @param port SMTP port, 1 to 65535
     * @param username SMTP AUTH user; empty for no login
     * @param password SMTP AUTH password; empty for no login. Never printed by {@link #toString()}
     * @param security plain, STARTTLS or implicit TLS
     * @param sender the From address as configured (may carry a display name); empty when not configured
     * @param timeout connect, read and write time-out
     * @param trustedHost the host whose certificate is accepted without checks ({@code EMAIL_SSL_TRUST}); usually empty
     * @param subjectPrefix text put before every subject ({@code EMAIL_PREFIX}, e.g. {@code "[InvenTree] "}); usually
     *     empty
     */
    public SmtpSettings {
        host = host == null ? "" : host;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(security, "security");
        sender = sender == null ? "" : sender;
        Objects.requireNonNull(timeout, "timeout");
        trustedHost = trustedHost == null ? "" : trustedHost;
        subjectPrefix = subjectPrefix == null ? "" : subjectPrefix;
        if (subjectPrefix.indexOf('\r') >= 0 || subjectPrefix.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the subject prefix must be one line");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, not " + port);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and at most " + Integer.MAX_VALUE + " ms");
        }
    }

    /**
     * Settings without a subject prefix.
     *
     * @param host the SMTP server's host name or address
     * @param port the port
     * @param username the login, or empty for no SMTP AUTH
     * @param password the password; never logged
     * @param security plain, STARTTLS or TLS
     * @param sender the From address
     * @param timeout the connect, read and write time-out
     * @param trustedHost the host whose certificate is accepted without checks ({@code EMAIL_SSL_TRUST}), or empty
     */
    public SmtpSettings(String host, int port, String username, String password, SmtpSecurity security, String sender,
                        Duration timeout, String trustedHost) {
        this(host, port, username, password, security, sender, timeout, trustedHost, "");
    }

    /**
     * Settings of a host without mail: nothing can be sent and SSO registration stays closed.
     *
     * @return settings that are not {@link #configured()}
     */
    public static SmtpSettings none() {
        return new SmtpSettings("", SmtpSecurity.NONE.defaultPort(), "", "", SmtpSecurity.NONE, "", DEFAULT_TIMEOUT, "");
    }

    /**
     * Reads and validates the {@link MailKeys}; throws {@link ConfigException} naming the first bad key.
     *
     * @param values the start-up values
     * @return the settings
     */
    public static SmtpSettings read(ConfigValues values) {
        requireSmtpBackend(values);
        String host = host(values);
        SmtpSecurity security = security(values);
        int port = port(values, security);
        String username = values.string(MailKeys.EMAIL_USERNAME).orElse("");
        // not trimmed: white space at either end of a password can be part of it
        String password = values.verbatim(MailKeys.EMAIL_PASSWORD).orElse("");
        if (!password.isEmpty() && username.isEmpty()) {
            throw new ConfigException(MailKeys.EMAIL_USERNAME.fileKey(), values.sourceOf(MailKeys.EMAIL_PASSWORD)
                    + " is set but " + values.sourceOf(MailKeys.EMAIL_USERNAME) + " is not: SMTP AUTH needs both");
        }
        if (password.isEmpty() && !username.isEmpty()) {
            throw new ConfigException(MailKeys.EMAIL_PASSWORD.fileKey(), values.sourceOf(MailKeys.EMAIL_USERNAME)
                    + " is set but " + values.sourceOf(MailKeys.EMAIL_PASSWORD) + " is not: SMTP AUTH needs both");
        }
        String sender = sender(values, username);
        long timeoutMs = values.positiveLong(MailKeys.EMAIL_TIMEOUT_MS, DEFAULT_TIMEOUT.toMillis());
        if (timeoutMs > Integer.MAX_VALUE) {
            throw new ConfigException(MailKeys.EMAIL_TIMEOUT_MS.fileKey(), values.sourceOf(MailKeys.EMAIL_TIMEOUT_MS)
                    + " is too large (" + timeoutMs + " ms); a few seconds is usual");
        }
        String trusted = trustedHost(values, host, security);
        return new SmtpSettings(host, port, username, password, security, sender, Duration.ofMillis(timeoutMs), trusted,
                subjectPrefix(values));
    }

    private static void requireSmtpBackend(ConfigValues values) {
        ConfigKey key = MailKeys.EMAIL_BACKEND;
        values.string(key).filter(b -> !b.equals(DJANGO_SMTP_BACKEND)).ifPresent(b -> {
            throw new ConfigException(key.fileKey(), values.sourceOf(key) + " is '" + b + "', which Gatehouse does not "
                    + "support: it sends mail over SMTP only. Remove the setting, or set it to " + DJANGO_SMTP_BACKEND);
        });
    }

    private static String subjectPrefix(ConfigValues values) {
        String prefix = values.verbatim(MailKeys.EMAIL_PREFIX).orElse("");
        if (prefix.indexOf('\r') >= 0 || prefix.indexOf('\n') >= 0) {
            throw new ConfigException(MailKeys.EMAIL_PREFIX.fileKey(), values.sourceOf(MailKeys.EMAIL_PREFIX)
                    + " must be one line of text");
        }
        return prefix;
    }

    private static String host(ConfigValues values) {
        ConfigKey key = MailKeys.EMAIL_HOST;
        Optional<String> raw = values.string(key);
        if (raw.isEmpty()) {
            return "";
        }
        String host = raw.get();
        if (host.contains("/") || host.contains("@")) {
            throw new ConfigException(key.fileKey(), values.sourceOf(key) + " must be a host name such as smtp.example.com, "
                    + "not a URL or address ('" + host + "')");
        }
        if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            throw new ConfigException(key.fileKey(), values.sourceOf(key) + " must be a host name without a port ('" + host
                    + "'): put the port in " + MailKeys.EMAIL_PORT.envSuffix());
        }
        if (!HOST.matcher(host).matches()) {
            throw new ConfigException(key.fileKey(), values.sourceOf(key) + " is not a host name or IP address: '" + host + "'");
        }
        return host;
    }

    private static SmtpSecurity security(ConfigValues values) {
        boolean tls = values.bool(MailKeys.EMAIL_TLS, false);
        boolean ssl = values.bool(MailKeys.EMAIL_SSL, false);
        if (tls && ssl) {
            throw new ConfigException(MailKeys.EMAIL_SSL.fileKey(), values.sourceOf(MailKeys.EMAIL_TLS) + " (STARTTLS) and "
                    + values.sourceOf(MailKeys.EMAIL_SSL) + " (implicit TLS) are both on; turn one off: "
                    + "EMAIL_SSL for an SMTPS port such as 465, EMAIL_TLS for a submission port such as 587");
        }
        return ssl ? SmtpSecurity.IMPLICIT_TLS : tls ? SmtpSecurity.STARTTLS : SmtpSecurity.NONE;
    }

    private static int port(ConfigValues values, SmtpSecurity security) {
        ConfigKey key = MailKeys.EMAIL_PORT;
        Optional<String> raw = values.string(key);
        if (raw.isEmpty()) {
            return security.defaultPort();
        }
        try {
            int port = Integer.parseInt(raw.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key's name
        }
        throw new ConfigException(key.fileKey(), values.sourceOf(key) + " must be a port number from 1 to 65535, not '"
                + raw.get() + "'");
    }

    /** The sender; without one, the user name when it is an email address (InvenTree: "default to the username"). */
    private static String sender(ConfigValues values, String username) {
        ConfigKey key = MailKeys.EMAIL_SENDER;
        Optional<String> raw = values.string(key);
        if (raw.isEmpty()) {
            return EmailAddresses.isValid(username) ? username : "";
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(raw.get(), true);
            if (parsed.length == 1) {
                parsed[0].validate();
                // the same rule as the addresses of users, so the sender is never one the engine would refuse
                if (EmailAddresses.isValid(parsed[0].getAddress())) {
                    return raw.get();
                }
            }
        } catch (AddressException ignored) {
            // reported below with the key's name
        }
        throw new ConfigException(key.fileKey(), values.sourceOf(key) + " must be one email address such as "
                + "noreply@example.com or 'InvenTree <noreply@example.com>', not '" + raw.get() + "'");
    }

    private static String trustedHost(ConfigValues values, String host, SmtpSecurity security) {
        ConfigKey key = MailKeys.EMAIL_SSL_TRUST;
        Optional<String> raw = values.string(key);
        if (raw.isEmpty()) {
            return "";
        }
        if (!security.encrypted()) {
            throw new ConfigException(key.fileKey(), values.sourceOf(key) + " has no effect without "
                    + MailKeys.EMAIL_TLS.envSuffix() + " or " + MailKeys.EMAIL_SSL.envSuffix() + "; remove it or turn TLS on");
        }
        // one named host, never '*': a later change of EMAIL_HOST must not silently inherit the exemption
        if (!raw.get().equalsIgnoreCase(host)) {
            throw new ConfigException(key.fileKey(), values.sourceOf(key) + " must name the SMTP host itself ('"
                    + host + "'), not '" + raw.get() + "': it exempts that host's certificate from checks");
        }
        return host;
    }

    /**
     * True when host and sender are set: mail can be sent and SSO registration may open.
     *
     * @return whether mail can be sent
     */
    public boolean configured() {
        return !host.isEmpty() && !sender.isEmpty();
    }

    /**
     * The required keys that are not set (empty when {@link #configured()}).
     *
     * @return the keys to set
     */
    public List<ConfigKey> missing() {
        List<ConfigKey> missing = new ArrayList<>();
        if (host.isEmpty()) {
            missing.add(MailKeys.EMAIL_HOST);
        }
        if (sender.isEmpty()) {
            missing.add(MailKeys.EMAIL_SENDER);
        }
        return List.copyOf(missing);
    }

    /**
     * Whether SMTP AUTH is used.
     *
     * @return true when a username is set
     */
    public boolean authenticates() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password.isEmpty() ? "(none)" : "(redacted)") + ", security=" + security
                + ", sender=" + sender + ", timeout=" + timeout + ", trustedHost=" + trustedHost
                + ", subjectPrefix=" + subjectPrefix + "]";
    }
}
