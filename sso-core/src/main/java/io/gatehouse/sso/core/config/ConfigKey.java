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

    public static final ConfigKey SOCIAL_BACKENDS = new ConfigKey("social_backends", "SOCIAL_BACKENDS");
    public static final ConfigKey SOCIAL_PROVIDERS = new ConfigKey("social_providers", "SOCIAL_PROVIDERS");
    public static final ConfigKey SITE_URL = new ConfigKey("site_url", "SITE_URL");
    public static final ConfigKey LOGIN_DEFAULT_PROTOCOL = new ConfigKey("login_default_protocol", "LOGIN_DEFAULT_HTTP_PROTOCOL");
    public static final ConfigKey TRUST_FORWARDED_HEADERS = new ConfigKey("trust_forwarded_headers", "TRUST_FORWARDED_HEADERS");
    /** InvenTree's (Django's) switch: the host of the base URL comes from {@code X-Forwarded-Host}. */
    public static final ConfigKey USE_X_FORWARDED_HOST = new ConfigKey("use_x_forwarded_host", "USE_X_FORWARDED_HOST");
    /** InvenTree's (Django's) switch: the port of the base URL comes from {@code X-Forwarded-Port}. */
    public static final ConfigKey USE_X_FORWARDED_PORT = new ConfigKey("use_x_forwarded_port", "USE_X_FORWARDED_PORT");
    public static final ConfigKey TRANSACTION_KEY = new ConfigKey("transaction_key", "TRANSACTION_KEY");
    public static final ConfigKey TRANSACTION_TTL_SECONDS = new ConfigKey("transaction_ttl_seconds", "TRANSACTION_TTL_SECONDS");
    public static final ConfigKey HTTP_TIMEOUT_MS = new ConfigKey("http_timeout_ms", "HTTP_TIMEOUT_MS");

    public ConfigKey {
        nestedPath = nestedPath == null ? "" : nestedPath;
        if (!nestedPath.isEmpty() && !nestedPath.matches("[a-z0-9_]+\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException("a nested path is 'section.key' in lower case, not '" + nestedPath + "'");
        }
    }

    /** A key written only flat. */
    public ConfigKey(String fileKey, String envSuffix) {
        this(fileKey, envSuffix, "");
    }

    public String envName(String prefix) {
        return prefix + envSuffix;
    }
}
