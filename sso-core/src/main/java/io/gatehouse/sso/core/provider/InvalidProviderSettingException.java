package io.gatehouse.sso.core.provider;

/**
 * An app's provider setting has a value of the wrong shape (a boolean that is not true/false, an object
 * that is a string). The engine turns it into an {@code app_not_configured} failure naming the setting,
 * not an internal error.
 */
public class InvalidProviderSettingException extends IllegalArgumentException {
    /** The setting at fault. */
    private final String key;

    /**
     * A setting whose value cannot be used.
     *
     * @param key the setting's key, e.g. {@code AUTH_PARAMS}
     * @param message what is wrong and what is expected
     */
    public InvalidProviderSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /**
     * The setting at fault.
     *
     * @return the key as written in the settings
     */
    public String key() {
        return key;
    }
}
