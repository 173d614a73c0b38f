package io.gatehouse.sso.spi;

import java.util.Optional;

/**
 * Live login settings (InvenTree's global settings such as {@code LOGIN_ENABLE_SSO}). Read at each
 * use, so an admin's change applies to the next request.
 *
 * <pre>{@code
 * boolean enabled = settings.get("LOGIN_ENABLE_SSO").map(Boolean::parseBoolean).orElse(false);
 * }</pre>
 */
public interface SettingsSource {

    /**
     * The raw stored value of a key, or empty when the admin never set it (the default applies).
     *
     * @param key the setting name, e.g. {@code LOGIN_ENABLE_SSO}
     * @return the stored text, or empty when unset
     */
    Optional<String> get(String key);
}
