package io.gatehouse.sso.core.provider;

/**
 * An app's provider setting has a value of the wrong shape (a boolean that is not true/false, an object
 * that is a string). The engine turns it into an {@code app_not_configured} failure naming the setting,
 * not an internal error.
 */
public class InvalidProviderSettingException extends IllegalArgumentException {
    private final String key;

    public InvalidProviderSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The setting at fault. */
    public String key() {
        return key;
    }
}
