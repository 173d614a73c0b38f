package io.gatehouse.sso.core.settings;

/**
 * A stored login setting has a value that cannot be used; the message names the key and says what is expected.
 */
public class InvalidSettingException extends RuntimeException {
    /** The setting at fault. */
    private final SettingKey key;

    /**
     * A setting whose value cannot be used.
     *
     * @param key the setting
     * @param message what is expected
     */
    public InvalidSettingException(SettingKey key, String message) {
        super(key.name() + ": " + message);
        this.key = key;
    }

    /**
     * The setting at fault, e.g. for the admin page to mark its field.
     *
     * @return the setting
     */
    public SettingKey key() {
        return key;
    }
}
