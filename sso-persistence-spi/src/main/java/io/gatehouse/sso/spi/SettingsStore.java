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

    void put(String key, String value);

    /** Removes a key so its default applies again. */
    void remove(String key);

    /** Every stored key and value, ordered by key. */
    Map<String, String> all();
}
