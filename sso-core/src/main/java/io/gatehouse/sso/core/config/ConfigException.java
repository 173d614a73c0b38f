package io.gatehouse.sso.core.config;

/**
 * Start-up configuration is wrong: the message names the key (or environment variable) and what to do.
 * Thrown while reading configuration, so a misconfigured host fails at start-up, not at the first login.
 */
public class ConfigException extends RuntimeException {
    /** The key at fault. */
    private final String key;

    /**
     * A bad value of a configuration key.
     *
     * @param key the file key or environment variable at fault
     * @param message what is wrong and what to set instead
     */
    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /**
     * A bad value of a configuration key, found while reading it (a YAML or JSON error, say).
     *
     * @param key the file key or environment variable at fault
     * @param message what is wrong and what to set instead
     * @param cause the underlying failure
     */
    public ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /**
     * The configuration key or environment variable at fault.
     *
     * @return the key, e.g. {@code SSO_SOCIAL_PROVIDERS} or {@code social_providers}
     */
    public String key() {
        return key;
    }
}
