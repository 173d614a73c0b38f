package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SettingsStore;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe in-memory {@link SettingsStore}.
 *
 * <pre>{@code
 * InMemorySettings settings = new InMemorySettings(Map.of("LOGIN_ENABLE_SSO", "true"));
 * }</pre>
 */
public final class InMemorySettings implements SettingsStore {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** No setting stored: every setting has its default. */
    public InMemorySettings() {
    }

    /**
     * These settings stored.
     *
     * @param initial setting names and raw values, e.g. {@code LOGIN_ENABLE_SSO -> true}
     */
    public InMemorySettings(Map<String, String> initial) {
        values.putAll(initial);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(key).map(values::get);
    }

    @Override
    public void put(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void remove(String key) {
        values.remove(key);
    }

    @Override
    public Map<String, String> all() {
        return new TreeMap<>(values);
    }
}
