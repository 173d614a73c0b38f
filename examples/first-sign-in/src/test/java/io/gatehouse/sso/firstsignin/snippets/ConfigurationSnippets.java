package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.jdbc.JdbcStores;

// snippet:read
import io.gatehouse.sso.core.config.ConfigValues;     // artifact io.gatehouse:sso-core
import io.gatehouse.sso.core.config.GatehouseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
// end:read
// snippet:first-app
import io.gatehouse.sso.spi.SocialApp;               // artifact io.gatehouse:sso-persistence-spi
import io.gatehouse.sso.spi.SocialAppRepository;

import java.util.Map;
import java.util.Set;
// end:first-app
// snippet:settings
import io.gatehouse.sso.core.settings.LoginSettings;   // artifact io.gatehouse:sso-core
import io.gatehouse.sso.spi.SettingsStore;             // artifact io.gatehouse:sso-persistence-spi
// end:settings

/** The Java of docs/configuration.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class ConfigurationSnippets {
    void read() {
        // snippet:read
        Path file = Path.of("gatehouse.yaml");
        ConfigValues values = ConfigValues.of("SSO_", System.getenv(), Files.exists(file) ? file : null, Map.of());
        GatehouseConfig config = GatehouseConfig.read(values);   // throws ConfigException naming the bad key
        // end:read
    }

    void firstApp(JdbcStores stores) {
        // snippet:first-app
        SocialAppRepository apps = stores.socialApps();      // e.g. from sso-persistence-jdbc, see jdbc.md
        if (apps.findByProvider("keycloak").isEmpty()) {
            apps.save(new SocialApp(
                    null,                        // id: assigned by the store
                    "keycloak",                  // provider: an id from social_backends
                    "",                          // provider id: only for several openid_connect IdPs
                    "Company Keycloak",          // name: also selects social_providers.<name> settings
                    "inventree",                 // client id at the IdP
                    System.getenv("KEYCLOAK_CLIENT_SECRET"),
                    "",                          // key: unused by the shipped providers
                    Map.of(),                    // settings JSON, overriding social_providers
                    Set.of("inventree.example.com")));
        }
        // end:first-app
    }

    void settings(JdbcStores stores) {
        // snippet:settings
        SettingsStore settings = stores.settings();            // JDBC; or your own SettingsStore
        settings.put("LOGIN_ENABLE_SSO", "true");
        settings.put("LOGIN_ENABLE_SSO_REG", "true");

        String map = "{\"/inventree/admins\": \"admin\"}";      // a value typed by an admin:
        LoginSettings.validate("SSO_GROUP_MAP", map);           // throws InvalidSettingException naming the key
        settings.put("SSO_GROUP_MAP", map);
        // end:settings
    }
}
