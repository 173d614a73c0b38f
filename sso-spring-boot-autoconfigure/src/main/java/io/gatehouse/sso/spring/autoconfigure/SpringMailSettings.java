package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.mail.MailKeys;
import io.gatehouse.sso.mail.SmtpSettings;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Spring Boot's {@code spring.mail.*} properties as Gatehouse's SMTP settings, so an application configures
 * its mail server once. They are translated to Gatehouse's mail keys and validated by {@link SmtpSettings#read},
 * and a complaint names the {@code spring.mail} property again. Spring has no sender property: the From
 * address is {@code gatehouse.email-sender} (or {@code <prefix>EMAIL_SENDER}), and the subject prefix
 * {@code gatehouse.email-prefix}.
 *
 * <pre>{@code
 * Optional<SmtpSettings> smtp = SpringMailSettings.read(environment, config.values());
 * }</pre>
 *
 * @param host       {@code spring.mail.host}
 * @param port       {@code spring.mail.port}
 * @param username   {@code spring.mail.username}
 * @param password   {@code spring.mail.password}
 * @param protocol   {@code spring.mail.protocol}: {@code smtp} or {@code smtps}
 * @param properties {@code spring.mail.properties.*}, the JavaMail session properties
 */
record SpringMailSettings(String host, Integer port, String username, String password, String protocol,
                          Map<String, String> properties) {
    private static final Map<String, String> SPRING_NAMES = Map.of(
            MailKeys.EMAIL_HOST.fileKey(), "spring.mail.host",
            MailKeys.EMAIL_PORT.fileKey(), "spring.mail.port",
            MailKeys.EMAIL_USERNAME.fileKey(), "spring.mail.username",
            MailKeys.EMAIL_PASSWORD.fileKey(), "spring.mail.password",
            MailKeys.EMAIL_SSL.fileKey(), "spring.mail.protocol",
            MailKeys.EMAIL_TLS.fileKey(), "spring.mail.properties.mail.smtp.starttls.enable",
            MailKeys.EMAIL_TIMEOUT_MS.fileKey(), "spring.mail.properties.mail.smtp.timeout",
            MailKeys.EMAIL_SSL_TRUST.fileKey(), "spring.mail.properties.mail.smtp.ssl.trust");

    SpringMailSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The settings when {@code spring.mail.host} is set, else empty. */
    static Optional<SmtpSettings> read(Environment environment, ConfigValues gatehouse) {
        return Binder.get(environment).bind("spring.mail", Bindable.of(SpringMailSettings.class)).map(Optional::of)
                .orElse(Optional.empty())
                .filter(mail -> mail.host() != null && !mail.host().isBlank())
                .map(mail -> mail.toSmtp(gatehouse));
    }

    private SmtpSettings toSmtp(ConfigValues gatehouse) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(MailKeys.EMAIL_HOST.fileKey(), host);
        putIfSet(keys, MailKeys.EMAIL_PORT.fileKey(), port);
        putIfSet(keys, MailKeys.EMAIL_USERNAME.fileKey(), username);
        putIfSet(keys, MailKeys.EMAIL_PASSWORD.fileKey(), password);
        keys.put(MailKeys.EMAIL_SSL.fileKey(), "smtps".equalsIgnoreCase(protocol));
        putIfSet(keys, MailKeys.EMAIL_TLS.fileKey(), properties.get("mail.smtp.starttls.enable"));
        putIfSet(keys, MailKeys.EMAIL_TIMEOUT_MS.fileKey(), properties.get("mail.smtp.timeout"));
        putIfSet(keys, MailKeys.EMAIL_SSL_TRUST.fileKey(), properties.get("mail.smtp.ssl.trust"));
        gatehouse.string(MailKeys.EMAIL_SENDER).ifPresent(sender -> keys.put(MailKeys.EMAIL_SENDER.fileKey(), sender));
        gatehouse.verbatim(MailKeys.EMAIL_PREFIX).ifPresent(prefix -> keys.put(MailKeys.EMAIL_PREFIX.fileKey(), prefix));
        try {
            return SmtpSettings.read(ConfigValues.of(gatehouse.prefix(), Map.of(), null, keys));
        } catch (ConfigException e) {
            String name = SPRING_NAMES.getOrDefault(e.key(), EnvironmentConfigValues.propertyName(e.key()));
            throw new ConfigException(name, e.getMessage().replace("config key '" + e.key() + "'", name));
        }
    }

    private static void putIfSet(Map<String, Object> keys, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            keys.put(key, value);
        }
    }
}
