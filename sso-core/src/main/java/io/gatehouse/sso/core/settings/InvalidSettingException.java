package io.gatehouse.sso.core.settings;

/**
 * A stored login setting has a value that cannot be used; the message names the key and says what is expected.
 */
public class InvalidSettingException extends RuntimeException {
    private final SettingKey key;

    public InvalidSettingException(SettingKey key, String message) {
        super(key.name() + ": " + message);
        this.key = key;
    }

    public SettingKey key() {
        return key;
    }
}
