package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.admin.AdminServlet;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.diagnostics.AppDiagnostics;
import io.gatehouse.sso.core.diagnostics.Diagnosis;
import io.gatehouse.sso.core.i18n.Messages;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;
import jakarta.servlet.ServletContext;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/** The Java of docs/admin.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class AdminSnippets {
    /** The host's own user records, which know who also has a password. */
    interface HostUsers {
        boolean hasPassword(String userId);
    }

    void mount(GatehouseConfig config, JdbcStores stores, Mailer mailer, HostUsers hostUsers, ServletContext servletContext) {
        // snippet:mount
        AdminServlet admin = AdminServlet.builder(config)                 // the GatehouseConfig the engine uses
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog())
                .mailer(mailer)                                            // for the test mail; optional
                .authorization(request -> request.isUserInRole("sso-admin"))
                .otherSignIn(user -> hostUsers.hasPassword(user.id()))     // optional, see "Unlinking"
                .ssoPrefix("")                                             // where SsoServlet sits before /accounts
                .build();
        servletContext.addServlet("gatehouse-admin", admin).addMapping("/admin/sso/*");
        // end:mount
    }

    void diagnose(GatehouseConfig config, ProviderRegistry registry, SocialAppRepository apps,
                  SocialAccountRepository accounts, SettingsSource settings, SocialApp app) {
        // snippet:diagnose
        AppDiagnostics diagnostics = new AppDiagnostics(config, registry, apps, accounts, settings, Clock.systemUTC());
        Diagnosis d = diagnostics.diagnose(app, URI.create("https://sso.example.com"));
        System.out.print(d.report(Messages.of(), Locale.ENGLISH));
        // end:diagnose
    }
}
