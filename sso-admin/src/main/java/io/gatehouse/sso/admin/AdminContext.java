package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.TokenRevocation;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.diagnostics.AppDiagnostics;
import io.gatehouse.sso.core.i18n.Messages;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the admin pages work with, fixed when the {@link AdminServlet} is built.
 *
 * @param config      the start-up configuration (enabled backends, base URL rules)
 * @param apps        the social applications
 * @param accounts    the linked identities and their tokens
 * @param users       the users
 * @param settings    the live login settings
 * @param errorLog    the error log
 * @param mailer      the mailer for the test mail
 * @param diagnostics "Check this application"
 * @param revocation  revokes stored tokens at their identity provider
 * @param otherSignIn whether a user has a way in besides their identities
 * @param messages    the texts, in the reader's language
 * @param providers   provider ids the application form offers (the modules on the class path)
 * @param ssoPrefix   path between the application root and {@code /accounts} where the SSO routes are mounted
 * @param clock       the time
 */
record AdminContext(GatehouseConfig config, SocialAppRepository apps, SocialAccountRepository accounts, UserDirectory users,
                    SettingsStore settings, ErrorLog errorLog, Mailer mailer, AppDiagnostics diagnostics,
                    TokenRevocation revocation,
                    OtherSignIn otherSignIn, Messages messages, List<String> providers, String ssoPrefix, Clock clock) {
    AdminContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(apps, "apps");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(errorLog, "errorLog");
        providers = List.copyOf(providers);
    }
}
