package io.gatehouse.sso.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gatehouse's start-up configuration, read once and validated as a whole.
 *
 * <pre>{@code
 * GatehouseConfig config = GatehouseConfig.read(
 *         ConfigValues.of("INVENTREE_", System.getenv(), Path.of("config.yaml"), Map.of()));
 * config.backends(); // [github, microsoft]
 * }</pre>
 *
 * @param backends              enabled provider ids, in configured order, without duplicates
 * @param socialProviders       per-provider (or per-app-name) settings from {@code social_providers}
 * @param siteUrl               public base URL (scheme, host, optional path), or empty to derive it per request
 * @param defaultProtocol       {@code http} or {@code https}: the scheme of derived callback URLs
 * @param forwardedHeaders      which proxy headers ({@code Forwarded}, {@code X-Forwarded-*}) may set the base URL
 * @param transactionKey        256-bit key sealing login transactions; empty means a per-process key
 * @param transactionTtl        how long a started login may take
 * @param httpTimeout           the total deadline of each call to an IdP (connect, headers and the whole body)
 * @param values                all merged values, for modules that read their own keys
 */
public record GatehouseConfig(List<String> backends, Map<String, Map<String, Object>> socialProviders,
                              Optional<URI> siteUrl, String defaultProtocol, ForwardedHeaders forwardedHeaders,
                              Optional<byte[]> transactionKey, Duration transactionTtl, Duration httpTimeout,
                              ConfigValues values) {

    /**
     * Copies the backends and provider settings (immutable); requires {@code forwardedHeaders}.
     *
     * @param backends enabled provider ids, in configured order, without duplicates
     * @param socialProviders per-provider (or per-app-name) settings from {@code social_providers}
     * @param siteUrl public base URL (scheme, host, optional path), or empty to derive it per request
     * @param defaultProtocol {@code http} or {@code https}: the scheme of derived callback URLs
     * @param forwardedHeaders which proxy headers ({@code Forwarded}, {@code X-Forwarded-*}) may set the base URL
     * @param transactionKey 256-bit key sealing login transactions; empty means a per-process key
     * @param transactionTtl how long a started login may take
     * @param httpTimeout the total deadline of each call to an IdP (connect, headers and the whole body)
     * @param values all merged values, for modules that read their own keys
     */
    public GatehouseConfig {
        backends = List.copyOf(backends);
        Objects.requireNonNull(forwardedHeaders, "forwardedHeaders");
        socialProviders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(socialProviders));
    }

    /**
     * Reads and validates every key; throws {@link ConfigException} naming the first bad one.
     *
     * @param values the raw values from the environment, file and host
     * @return the validated configuration
     */
    public static GatehouseConfig read(ConfigValues values) {
        return new GatehouseConfig(backends(values), socialProviders(values), siteUrl(values), protocol(values),
                ForwardedHeaders.read(values), transactionKey(values),
                Duration.ofSeconds(values.positiveLong(ConfigKey.TRANSACTION_TTL_SECONDS, 600)),
                Duration.ofMillis(values.positiveLong(ConfigKey.HTTP_TIMEOUT_MS, 5000)), values);
    }

    /**
     * Settings from {@code social_providers} for a key (a provider id or an app name); empty map when absent.
     *
     * @param key a provider id or an app name
     * @return the settings; never null
     */
    public Map<String, Object> providerSettings(String key) {
        return socialProviders.getOrDefault(key, Map.of());
    }

    private static List<String> backends(ConfigValues values) {
        Optional<Object> raw = values.get(ConfigKey.SOCIAL_BACKENDS);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        Object value = raw.get();
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.startsWith("[")) {
                value = values.parseJson(ConfigKey.SOCIAL_BACKENDS, trimmed);
            } else {
                for (String part : trimmed.split(",")) {
                    if (!part.isBlank()) {
                        entries.add(part);
                    }
                }
                value = null;
            }
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new ConfigException(ConfigKey.SOCIAL_BACKENDS.fileKey(), values.sourceOf(ConfigKey.SOCIAL_BACKENDS)
                            + " must list provider ids as strings; found " + item);
                }
                entries.add(s);
            }
        } else if (value != null) {
            throw new ConfigException(ConfigKey.SOCIAL_BACKENDS.fileKey(), values.sourceOf(ConfigKey.SOCIAL_BACKENDS)
                    + " must be a list of provider ids (or a comma-separated string)");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(BackendId.parse(e)));
        return List.copyOf(ids);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> socialProviders(ConfigValues values) {
        ConfigKey key = ConfigKey.SOCIAL_PROVIDERS;
        Optional<Object> raw = values.get(key);
        if (raw.isEmpty()) {
            return Map.of();
        }
        Object value = raw.get();
        if (value instanceof String text) {
            if (text.isBlank()) {
                return Map.of();
            }
            value = values.parseJson(key, text.trim());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(key.fileKey(), values.sourceOf(key)
                    + " must be a JSON object of provider id to settings, e.g. {\"microsoft\": {\"TENANT\": \"organizations\"}}");
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> settings)) {
                throw new ConfigException(key.fileKey(), values.sourceOf(key) + ": the settings for '" + e.getKey()
                        + "' must be an object, not " + e.getValue());
            }
            result.put(String.valueOf(e.getKey()),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) settings)));
        }
        return result;
    }

    private static Optional<URI> siteUrl(ConfigValues values) {
        Optional<String> raw = values.string(ConfigKey.SITE_URL);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(raw.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.SITE_URL.fileKey(), values.sourceOf(ConfigKey.SITE_URL)
                    + " is not a URL: " + raw.get(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new ConfigException(ConfigKey.SITE_URL.fileKey(), values.sourceOf(ConfigKey.SITE_URL)
                    + " must be an absolute http(s) URL such as https://inventree.example.com, not '" + raw.get() + "'");
        }
        String text = uri.toString();
        return Optional.of(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
    }

    private static String protocol(ConfigValues values) {
        String p = values.string(ConfigKey.LOGIN_DEFAULT_PROTOCOL).orElse("http").toLowerCase(Locale.ROOT);
        if (!p.equals("http") && !p.equals("https")) {
            throw new ConfigException(ConfigKey.LOGIN_DEFAULT_PROTOCOL.fileKey(),
                    values.sourceOf(ConfigKey.LOGIN_DEFAULT_PROTOCOL) + " must be 'http' or 'https', not '" + p + "'");
        }
        return p;
    }

    private static Optional<byte[]> transactionKey(ConfigValues values) {
        Optional<String> raw = values.string(ConfigKey.TRANSACTION_KEY);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(raw.get());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            // never echo the value: it is a secret
            throw new ConfigException(ConfigKey.TRANSACTION_KEY.fileKey(), values.sourceOf(ConfigKey.TRANSACTION_KEY)
                    + " must be 32 random bytes in base64 (e.g. the output of 'openssl rand -base64 32')");
        }
        return Optional.of(key);
    }

    @Override
    public String toString() {
        return "GatehouseConfig[backends=" + backends + ", socialProviders=" + socialProviders.keySet()
                + ", siteUrl=" + siteUrl + ", defaultProtocol=" + defaultProtocol + ", forwardedHeaders="
                + forwardedHeaders + ", transactionKey=" + (transactionKey.isPresent() ? "(set)" : "(per-process)")
                + ", transactionTtl=" + transactionTtl + ", httpTimeout=" + httpTimeout + "]";
    }
}
