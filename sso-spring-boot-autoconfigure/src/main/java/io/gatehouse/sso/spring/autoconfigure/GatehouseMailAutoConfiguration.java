package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.mail.SmtpMailer;
import io.gatehouse.sso.mail.SmtpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link Mailer} Gatehouse sends confirmation mails with (SSO registration needs one): SMTP from Spring
 * Boot's {@code spring.mail.*} when {@code spring.mail.host} is set, else from Gatehouse's {@code email_*} keys.
 * Without either, SSO registration stays closed, as InvenTree documents.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
@ConditionalOnClass(SmtpMailer.class)
public class GatehouseMailAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseMailAutoConfiguration.class);

    /**
     * The SMTP mailer from the {@code EMAIL_*} settings, unless the application defines a mailer; unconfigured, it
     * refuses to send.
     *
     * @param config the start-up configuration
     * @param environment the application's environment
     * @return the mailer
     */
    @Bean
    @ConditionalOnMissingBean
    public Mailer gatehouseMailer(GatehouseConfig config, Environment environment) {
        SmtpSettings settings = SpringMailSettings.read(environment, config.values())
                .orElseGet(() -> SmtpSettings.read(config.values()));
        if (!settings.configured()) {
            LOG.info("Gatehouse mail is not configured ({} missing): SSO registration stays closed. Set spring.mail.host "
                    + "and gatehouse.email-sender to open it.", settings.missing());
        }
        return new SmtpMailer(settings);
    }
}
