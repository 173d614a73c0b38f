package io.gatehouse.sso.core.config;

/**
 * Start-up configuration is wrong: the message names the key (or environment variable) and what to do.
 * Thrown while reading configuration, so a misconfigured host fails at start-up, not at the first login.
 */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The configuration key or environment variable at fault. */
    public String key() {
        return key;
    }
}
