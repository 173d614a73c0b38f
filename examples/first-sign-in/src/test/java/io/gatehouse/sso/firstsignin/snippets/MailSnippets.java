package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.jdbc.JdbcStores;

// snippet:mailer
import io.gatehouse.sso.core.LoginEngine;               // io.gatehouse:sso-core
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.mail.SmtpMailer;                // io.gatehouse:sso-mail

import java.util.Map;
// end:mailer

/** The Java of docs/mail.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class MailSnippets {
    void mailer(JdbcStores stores) {
        // snippet:mailer
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", System.getenv(), null, Map.of()));
        LoginEngine engine = LoginEngine.builder(config)
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog())
                .mailer(SmtpMailer.from(config.values()))   // reads the EMAIL_* settings below
                .build();
        // end:mailer
    }
}
