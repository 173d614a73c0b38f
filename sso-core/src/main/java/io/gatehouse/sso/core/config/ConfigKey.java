package io.gatehouse.sso.core.config;

/**
 * One start-up setting, with its config-file key, its environment variable (without the prefix) and,
 * for settings InvenTree's config file writes inside a section, that nested path.
 *
 * <pre>{@code
 * ConfigKey.SOCIAL_BACKENDS.envName("INVENTREE_"); // "INVENTREE_SOCIAL_BACKENDS"
 * ConfigKey host = new ConfigKey("email_host", "EMAIL_HOST", "email.host"); // email_host: or email: {host: }
 * }</pre>
 *
 * @param fileKey    key in a YAML/JSON config file or a host map, e.g. {@code social_backends}
 * @param envSuffix  environment variable without its prefix, e.g. {@code SOCIAL_BACKENDS}
 * @param nestedPath the same setting as {@code section.key} (e.g. {@code email.host}, as InvenTree's
 *                   {@code config.yaml} writes it), or empty when it is only written flat
 */
public record ConfigKey(String fileKey, String envSuffix, String nestedPath) {

    /** The enabled provider ids, a list; see {@link BackendId#parse}. */
    public static final ConfigKey SOCIAL_BACKENDS = new ConfigKey("social_backends", "SOCIAL_BACKENDS");
    /** Per-provider and per-app settings, a mapping from provider id (or app name) to settings. */
    public static final ConfigKey SOCIAL_PROVIDERS = new ConfigKey("social_providers", "SOCIAL_PROVIDERS");
    /** The public base URL, e.g. {@code https://inventree.example.com}; when set, it wins over the request's Host. */
    public static final ConfigKey SITE_URL = new ConfigKey("site_url", "SITE_URL");
    /** {@code http} or {@code https}: the scheme when {@code site_url} is not set and no trusted header says. */
    public static final ConfigKey LOGIN_DEFAULT_PROTOCOL = new ConfigKey("login_default_protocol", "LOGIN_DEFAULT_HTTP_PROTOCOL");
    /**
     * Whether {@code X-Forwarded-Proto} (and, with the switches below, host and port) is believed; only behind a proxy
     * that sets them.
     */
    public static final ConfigKey TRUST_FORWARDED_HEADERS = new ConfigKey("trust_forwarded_headers", "TRUST_FORWARDED_HEADERS");
    /** InvenTree's (Django's) switch: the host of the base URL comes from {@code X-Forwarded-Host}. */
    public static final ConfigKey USE_X_FORWARDED_HOST = new ConfigKey("use_x_forwarded_host", "USE_X_FORWARDED_HOST");
    /** InvenTree's (Django's) switch: the port of the base URL comes from {@code X-Forwarded-Port}. */
    public static final ConfigKey USE_X_FORWARDED_PORT = new ConfigKey("use_x_forwarded_port", "USE_X_FORWARDED_PORT");
    /**
     * The key that seals the login transaction cookies (32 random bytes in base64); give every node the same
     * one. When unset, each process draws its own, so a login must finish on the node that began it.
     */
    public static final ConfigKey TRANSACTION_KEY = new ConfigKey("transaction_key", "TRANSACTION_KEY");
    /** How long a started login may take, in seconds, before its transaction cookie expires (default 600). */
    public static final ConfigKey TRANSACTION_TTL_SECONDS = new ConfigKey("transaction_ttl_seconds", "TRANSACTION_TTL_SECONDS");
    /** How long one call to an IdP may take, in milliseconds, from connect to the last byte. */
    public static final ConfigKey HTTP_TIMEOUT_MS = new ConfigKey("http_timeout_ms", "HTTP_TIMEOUT_MS");

    /**
     * Requires a nested path, when given, to be {@code section.key} in lower case; {@code null} is empty.
     *
     * @param fileKey key in a YAML/JSON config file or a host map, e.g. {@code social_backends}
     * @param envSuffix environment variable without its prefix, e.g. {@code SOCIAL_BACKENDS}
     * @param nestedPath the same setting as {@code section.key} (e.g. {@code email.host}, as InvenTree's {@code
     *     config.yaml} writes it), or empty when it is only written flat
     * @throws IllegalArgumentException for a nested path of another form
     */
    public ConfigKey {
        nestedPath = nestedPath == null ? "" : nestedPath;
        if (!nestedPath.isEmpty() && !nestedPath.matches("[a-z0-9_]+\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException("a nested path is 'section.key' in lower case, not '" + nestedPath + "'");
        }
    }

    /**
     * A key written only flat.
     *
     * @param fileKey key in a YAML/JSON config file or a host map
     * @param envSuffix environment variable without its prefix
     */
    public ConfigKey(String fileKey, String envSuffix) {
        this(fileKey, envSuffix, "");
    }

    /**
     * The environment variable of this key under a prefix.
     *
     * @param prefix e.g. {@code SSO_} or {@code INVENTREE_}
     * @return e.g. {@code INVENTREE_SOCIAL_BACKENDS}
     */
    public String envName(String prefix) {
        return prefix + envSuffix;
    }
}
