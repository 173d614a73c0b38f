package io.gatehouse.sso.core.provider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One app's effective provider settings, looked up case-insensitively: django-allauth writes
 * provider-level keys in upper case ({@code TENANT}, {@code SCOPE}) and app settings in lower case
 * ({@code tenant}, {@code server_url}); both mean the same here.
 *
 * <pre>{@code
 * ProviderSettings s = ProviderSettings.of(Map.of("TENANT", "organizations"));
 * s.string("tenant"); // Optional[organizations]
 * }</pre>
 */
public final class ProviderSettings {
    private final Map<String, Object> values;

    private ProviderSettings(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Settings from a raw map, keys compared case-insensitively ({@code SCOPE} and {@code scope} are one key).
     *
     * @param raw the settings; null is none
     * @return the settings
     */
    public static ProviderSettings of(Map<String, ?> raw) {
        Map<String, Object> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (raw != null) {
            folded.putAll(raw);
        }
        return new ProviderSettings(Collections.unmodifiableMap(folded));
    }

    /**
     * These settings overlaid by {@code overrides} (keys compared case-insensitively).
     *
     * @param overrides the settings that win; null is none
     * @return the merged settings
     */
    public ProviderSettings overriddenBy(Map<String, ?> overrides) {
        Map<String, Object> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(values);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return new ProviderSettings(Collections.unmodifiableMap(merged));
    }

    /**
     * The keys present, case-insensitively ordered.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * A mutable copy of the settings.
     *
     * @return the settings
     */
    public Map<String, Object> asMap() {
        return new LinkedHashMap<>(values);
    }

    /**
     * A setting's raw value.
     *
     * @param key the key, in any letter case
     * @return the value, or empty
     */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A setting as trimmed text; blank is absent.
     *
     * @param key the key, in any letter case
     * @return the text, or empty
     */
    public Optional<String> string(String key) {
        return get(key).map(Object::toString).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A boolean setting; accepts JSON booleans and the strings true/false.
     *
     * @param key the key, in any letter case
     * @param fallback the value when absent
     * @throws InvalidProviderSettingException for any other value, naming the key
     * @return the boolean
     */
    public boolean bool(String key, boolean fallback) {
        Optional<Object> raw = get(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        Object v = raw.get();
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new InvalidProviderSettingException(key, "provider setting '" + key + "' must be true or false, not '" + v + "'");
    }

    /**
     * A list setting; accepts a JSON list or a string separated by spaces or commas (as scopes often are).
     *
     * @param key the key, in any letter case
     * @return the items; empty when absent
     */
    public List<String> list(String key) {
        Optional<Object> raw = get(key);
        if (raw.isEmpty()) {
            return List.of();
        }
        if (raw.get() instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(o -> out.add(String.valueOf(o)));
            return List.copyOf(out);
        }
        return Arrays.stream(raw.get().toString().split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * The {@code SCOPE} setting ({@code scope} in an app's settings) when set, else {@code defaults}.
     *
     * @param defaults the provider's default scopes
     * @return the scopes
     */
    public List<String> scopesOr(List<String> defaults) {
        List<String> configured = list("scope");
        return configured.isEmpty() ? defaults : configured;
    }

    /**
     * An object setting of string values (e.g. {@code AUTH_PARAMS}); empty when absent.
     *
     * @param key the key, in any letter case
     * @return the entries
     */
    public Map<String, String> stringMap(String key) {
        Optional<Object> raw = get(key);
        if (raw.isEmpty()) {
            return Map.of();
        }
        if (!(raw.get() instanceof Map<?, ?> m)) {
            throw new InvalidProviderSettingException(key, "provider setting '" + key + "' must be an object, not '" + raw.get() + "'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    @Override
    public String toString() {
        return "ProviderSettings" + values.keySet();
    }
}
