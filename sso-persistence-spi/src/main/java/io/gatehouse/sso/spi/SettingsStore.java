package io.gatehouse.sso.spi;

import java.util.Map;

/**
 * A {@link SettingsSource} an admin screen can also write. Validate values before {@link #put}
 * (Gatehouse's {@code LoginSettings.validate} does it).
 *
 * <pre>{@code
 * store.put("LOGIN_ENABLE_SSO", "true");
 * }</pre>
 */
public interface SettingsStore extends SettingsSource {

    /**
     * Stores a setting's raw text, replacing any earlier value; Gatehouse validates the value before it calls this.
     *
     * @param key the setting name, e.g. {@code LOGIN_ENABLE_SSO}
     * @param value the raw text to store
     */
    void put(String key, String value);

    /**
     * Removes a key so its default applies again.
     *
     * @param key the setting name; removing an unset key does nothing
     */
    void remove(String key);

    /**
     * Every stored key and value, ordered by key.
     *
     * @return an immutable, key-ordered copy of the stored settings
     */
    Map<String, String> all();
}
