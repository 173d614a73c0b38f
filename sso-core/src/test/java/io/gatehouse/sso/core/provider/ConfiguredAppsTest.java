package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code social_providers} is checked when the selector is made (at start-up), never at the first login. */
class ConfiguredAppsTest {
    final InMemorySocialApps apps = new InMemorySocialApps();

    AppSelector selector(Map<String, ?> socialProviders) {
        GatehouseConfig c = GatehouseConfig.read(ConfigValues.of("INVENTREE_", Map.of(), null,
                Map.of("social_backends", List.of("github"), "social_providers", socialProviders)));
        return new AppSelector(apps, c, ProviderRegistry.of(c.backends(), List.of(new ProviderRegistryTest.Named("github"))));
    }

    static Map<String, Object> github(Map<String, Object> settings) {
        return Map.of("github", settings);
    }

    @Test
    void allauthsSingularAppWorksLikeAOneEntryAppsList() throws ProviderException {
        Map<String, Object> app = Map.of("client_id", "one-id", "secret", "one-secret",
                "settings", Map.of("scope", List.of("read:user")));
        AppSelector s = selector(github(Map.of("APP", app, "SCOPE", List.of("user:email"))));

        SelectedApp chosen = s.select("github", "inventree.example.com", null);

        assertThat(chosen.app().clientId()).isEqualTo("one-id");
        assertThat(chosen.app().secret()).isEqualTo("one-secret");
        assertThat(chosen.settings().list("scope")).containsExactly("read:user");
        assertThat(chosen.settings().get("APP")).isEmpty();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void appAndAppsTogetherAreAStartUpError() {
        Map<String, Object> entry = Map.of("client_id", "id");

        assertThatThrownBy(() -> selector(github(Map.of("APP", entry, "APPS", List.of(entry)))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("github sets both APPS and APP");
    }

    @Test
    void anAppsEntryWithoutClientIdIsAStartUpErrorNamingTheEntry() {
        assertThatThrownBy(() -> selector(github(Map.of("APPS", List.of(Map.of("client_id", "ok"), Map.of("secret", "s"))))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config key 'social_providers': github.APPS entry 2 has no client_id")
                .hasMessageNotContaining("ok");
    }

    @Test
    void anAppWithABlankClientIdIsAStartUpError() {
        assertThatThrownBy(() -> selector(github(Map.of("APP", Map.of("client_id", "  ")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("github.APP has no client_id");
    }

    @Test
    void anAppsEntryThatIsNotAnObjectIsAStartUpError() {
        assertThatThrownBy(() -> selector(github(Map.of("APPS", List.of("Iv1.abc")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("github.APPS entry 1 must be an object");
    }

    @Test
    void appsThatIsNotAListIsAStartUpError() {
        assertThatThrownBy(() -> selector(github(Map.of("APPS", Map.of("client_id", "x")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("github.APPS must be a list");
    }

    @Test
    void anAppsEntrysSettingsMustBeAnObject() {
        assertThatThrownBy(() -> selector(github(Map.of("APPS", List.of(Map.of("client_id", "x", "settings", "scope=x"))))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("github.APPS entry 1: settings must be an object");
    }

    @Test
    void aVerifiedEmailThatIsNeitherBooleanNorDomainsIsAStartUpError() {
        assertThatThrownBy(() -> selector(github(Map.of("VERIFIED_EMAIL", "sometimes"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config key 'social_providers': github: provider setting 'VERIFIED_EMAIL' is 'sometimes'")
                .hasMessageContaining("true, false or a list of email domains");
    }

    @Test
    void aSwitchThatIsNoBooleanIsAStartUpErrorEvenUnderAnAppName() {
        assertThatThrownBy(() -> selector(Map.of("Corp GitHub", Map.of("EMAIL_AUTHENTICATION", "yes please"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Corp GitHub: provider setting 'EMAIL_AUTHENTICATION'");
    }

    @Test
    void aBadSettingInsideAnAppsEntryIsAStartUpErrorNamingTheEntry() {
        assertThatThrownBy(() -> selector(github(Map.of("APPS", List.of(Map.of("client_id", "x",
                "settings", Map.of("auth_params", Map.of("state", "fixed"))))))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("github.APPS entry 1 settings: AUTH_PARAMS may not set [state]");
    }

    @Test
    void aScopeThatIsAnObjectIsAStartUpError() {
        assertThatThrownBy(() -> selector(github(Map.of("SCOPE", Map.of("read", "user")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'SCOPE' must be a list");
    }

    @Test
    void anAdminAppWithAnUnusableSettingIsRefusedWhenSelectedNamingTheAppAndSetting() {
        apps.save(SocialApp.builder("github").name("Corp GitHub").clientId("cid").settings(Map.of("verified_email", 42))
                .sites("localhost").build());
        AppSelector s = selector(Map.of());

        assertThatThrownBy(() -> s.select("github", "localhost", null))
                .isInstanceOfSatisfying(InvalidProviderSettingException.class, e -> assertThat(e.key()).isEqualTo("VERIFIED_EMAIL"))
                .hasMessageContaining("Social application 'Corp GitHub' (github): provider setting 'VERIFIED_EMAIL' is '42'");
    }
}
