package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.ConfigValues;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gatehouse's start-up values fed from Spring's {@code Environment}: the {@code gatehouse.*} properties become
 * the host's values, the optional {@code gatehouse.config-file} the file, and the application's environment
 * variables (Spring's {@code systemEnvironment} source, so tests can replace it) the InvenTree-style
 * environment. Gatehouse's own precedence applies: environment over file over properties.
 *
 * <pre>{@code
 * ConfigValues values = EnvironmentConfigValues.of(properties, environment);
 * GatehouseConfig config = GatehouseConfig.read(values);
 * }</pre>
 */
public final class EnvironmentConfigValues {
    /** The database key ring: {@code gatehouse.secret-keys} or {@code <prefix>SECRET_KEYS}. */
    public static final ConfigKey SECRET_KEYS = new ConfigKey("secret_keys", "SECRET_KEYS");

    private EnvironmentConfigValues() {
    }

    /**
     * Gatehouse's start-up values from Spring's properties, the optional config file and the environment variables.
     *
     * @param p the {@code gatehouse.*} properties
     * @param environment the application's environment
     * @return the values, not validated yet
     */
    public static ConfigValues of(GatehouseProperties p, ConfigurableEnvironment environment) {
        Map<String, Object> host = new LinkedHashMap<>();
        put(host, ConfigKey.SOCIAL_BACKENDS, p.socialBackends());
        put(host, ConfigKey.SOCIAL_PROVIDERS, socialProviders(p, environment));
        put(host, ConfigKey.SITE_URL, p.siteUrl());
        put(host, ConfigKey.LOGIN_DEFAULT_PROTOCOL, p.loginDefaultProtocol());
        put(host, ConfigKey.TRUST_FORWARDED_HEADERS, p.trustForwardedHeaders());
        put(host, ConfigKey.TRANSACTION_KEY, p.transactionKey());
        put(host, ConfigKey.TRANSACTION_TTL_SECONDS, p.transactionTtlSeconds());
        put(host, ConfigKey.HTTP_TIMEOUT_MS, p.httpTimeoutMs());
        put(host, SECRET_KEYS, p.secretKeys());
        // the mail module's keys, by name: that module is optional
        putMail(host, "email_host", p.emailHost());
        putMail(host, "email_port", p.emailPort());
        putMail(host, "email_username", p.emailUsername());
        putMail(host, "email_password", p.emailPassword());
        putMail(host, "email_tls", p.emailTls());
        putMail(host, "email_ssl", p.emailSsl());
        putMail(host, "email_sender", p.emailSender());
        putMail(host, "email_timeout_ms", p.emailTimeoutMs());
        putMail(host, "email_ssl_trust", p.emailSslTrust());
        Path file = p.configFile() == null || p.configFile().isBlank() ? null : Path.of(p.configFile());
        return ConfigValues.of(p.envPrefix(), environmentVariables(environment), file, host);
    }

    /**
     * The Spring property that carries a Gatehouse key, e.g. {@code gatehouse.social-providers}.
     *
     * @param fileKey a Gatehouse key, e.g. {@code social_providers}
     * @return the property name
     */
    public static String propertyName(String fileKey) {
        return "gatehouse." + fileKey.replace('_', '-');
    }

    /**
     * A JSON text stays text (Gatehouse parses it and names the position of an error); a YAML or properties tree
     * is read as nested maps, keys in their original case.
     */
    private static Object socialProviders(GatehouseProperties p, ConfigurableEnvironment environment) {
        if (p.socialProviders() instanceof CharSequence text) {
            return text.toString();
        }
        return Binder.get(environment)
                .bind(propertyName(ConfigKey.SOCIAL_PROVIDERS.fileKey()), Bindable.mapOf(String.class, Object.class))
                .orElse(null);
    }

    private static Map<String, String> environmentVariables(ConfigurableEnvironment environment) {
        PropertySource<?> source = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Map<String, String> variables = new LinkedHashMap<>();
        if (source instanceof MapPropertySource map) {
            map.getSource().forEach((name, value) -> {
                if (value != null) {
                    variables.put(name, value.toString());
                }
            });
        }
        return variables;
    }

    private static void put(Map<String, Object> host, ConfigKey key, Object value) {
        putMail(host, key.fileKey(), value);
    }

    private static void putMail(Map<String, Object> host, String fileKey, Object value) {
        if (value != null) {
            host.put(fileKey, value);
        }
    }
}
