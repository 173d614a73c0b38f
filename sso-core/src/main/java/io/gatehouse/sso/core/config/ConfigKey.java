package io.gatehouse.sso.core.config;

/**
 * One start-up setting, with its config-file key and its environment variable (without the prefix).
 *
 * <pre>{@code
 * ConfigKey.SOCIAL_BACKENDS.envName("INVENTREE_"); // "INVENTREE_SOCIAL_BACKENDS"
 * }</pre>
 *
 * @param fileKey key in a YAML/JSON config file or a host map, e.g. {@code social_backends}
 * @param envSuffix environment variable without its prefix, e.g. {@code SOCIAL_BACKENDS}
 */
public record ConfigKey(String fileKey, String envSuffix) {

    public static final ConfigKey SOCIAL_BACKENDS = new ConfigKey("social_backends", "SOCIAL_BACKENDS");
    public static final ConfigKey SOCIAL_PROVIDERS = new ConfigKey("social_providers", "SOCIAL_PROVIDERS");
    public static final ConfigKey SITE_URL = new ConfigKey("site_url", "SITE_URL");
    public static final ConfigKey LOGIN_DEFAULT_PROTOCOL = new ConfigKey("login_default_protocol", "LOGIN_DEFAULT_HTTP_PROTOCOL");
    public static final ConfigKey TRUST_FORWARDED_HEADERS = new ConfigKey("trust_forwarded_headers", "TRUST_FORWARDED_HEADERS");
    public static final ConfigKey TRANSACTION_KEY = new ConfigKey("transaction_key", "TRANSACTION_KEY");
    public static final ConfigKey TRANSACTION_TTL_SECONDS = new ConfigKey("transaction_ttl_seconds", "TRANSACTION_TTL_SECONDS");
    public static final ConfigKey HTTP_TIMEOUT_MS = new ConfigKey("http_timeout_ms", "HTTP_TIMEOUT_MS");

    public String envName(String prefix) {
        return prefix + envSuffix;
    }
}
