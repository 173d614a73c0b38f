package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * Turns Gatehouse's start-up configuration errors into Spring Boot's readable failure report: which property
 * (or environment variable) is wrong and how to fix it, instead of a bean-creation stack trace.
 *
 * <pre>
 * Description:
 *     Gatehouse cannot start: gatehouse.social-providers is not valid JSON at line 1, column 2 ...
 * Action:
 *     Fix gatehouse.social-providers (or the environment variable SSO_SOCIAL_PROVIDERS, which wins over it).
 * </pre>
 */
class GatehouseConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {
    private final Environment environment;

    GatehouseConfigFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        String key = cause.key() == null ? "" : cause.key();
        String property = property(key);
        String message = cause.getMessage().replace("config key '" + key + "'", property);
        return new FailureAnalysis("Gatehouse cannot start: " + message, action(key, property), cause);
    }

    private String property(String key) {
        if (key.startsWith("gatehouse.") || key.startsWith("spring.")) {
            return key;
        }
        if (key.equals("prefix")) {
            return "gatehouse.env-prefix";
        }
        if (key.contains("/") || key.contains("\\") || key.contains(".")) {
            // ConfigValues names a config file by its path
            return "gatehouse.config-file";
        }
        return EnvironmentConfigValues.propertyName(key);
    }

    private String action(String key, String property) {
        String prefix = environment.getProperty("gatehouse.env-prefix", "SSO_");
        String variable = prefix + key.toUpperCase(Locale.ROOT);
        String alsoVariable = property.equals(EnvironmentConfigValues.propertyName(key))
                ? " (or the environment variable " + variable + ", which wins over it)" : "";
        String example = key.equals(EnvironmentConfigValues.SECRET_KEYS.fileKey())
                ? " Give it as id:base64Key, e.g. k1:<the output of 'openssl rand -base64 32'>; keep older keys after the "
                + "current one (k2:...,k1:...) until every stored value was re-encrypted." : "";
        return "Fix " + property + alsoVariable + "." + example;
    }
}
