package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppSelectorTest {
    final InMemorySocialApps apps = new InMemorySocialApps();

    AppSelector selector(Map<String, ?> config) {
        GatehouseConfig c = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, config));
        ProviderRegistry registry = ProviderRegistry.of(c.backends(), List.of(new ProviderRegistryTest.Named("github"),
                new ProviderRegistryTest.Named("openid_connect")));
        return new AppSelector(apps, c, registry);
    }

    AppSelector selector() {
        return selector(Map.of("social_backends", List.of("github", "openid_connect")));
    }

    SocialApp app(String provider, String providerId, String name, Map<String, Object> settings, String... sites) {
        return apps.save(SocialApp.builder(provider).providerId(providerId).name(name).clientId("cid").secret("secret")
                .settings(settings).sites(sites).build());
    }

    @Test
    void theSingleAppServingTheSiteIsChosen() throws ProviderException {
        SocialApp a = app("github", "", "GitHub", Map.of(), "sso.example.com");

        assertThat(selector().select("github", "sso.example.com", null).app()).isEqualTo(a);
    }

    @Test
    void aSiteMatchesWithOrWithoutItsPortAndIgnoringCase() throws ProviderException {
        app("github", "", "GitHub", Map.of(), "Localhost");

        assertThat(selector().select("github", "localhost:8000", null).app().name()).isEqualTo("GitHub");
    }

    @Test
    void anAppWithoutSitesIsUnusableAndTheWarningSaysWhy() {
        app("github", "", "Siteless", Map.of());
        AppSelector selector = selector();

        assertThatThrownBy(() -> selector.select("github", "localhost", null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
        assertThat(selector.warnings()).singleElement().asString()
                .contains("Social application 'Siteless' (github) has no site and cannot be used; assign it to at least one site");
    }

    @Test
    void aWarningIsGivenOnceHoweverOftenTheAppIsSelected() throws ProviderException {
        app("github", "", "Typo", Map.of("tennant", "x"), "localhost");
        AppSelector selector = selector();

        for (int i = 0; i < 3; i++) {
            selector.select("github", "localhost", null);
        }

        assertThat(selector.warnings()).hasSize(1);
    }

    @Test
    void anAppWithValidSettingsGivesNoWarning() throws ProviderException {
        app("github", "", "Clean", Map.of("SCOPE", "read:user", "pkce_enabled", true), "localhost");
        AppSelector selector = selector();

        selector.select("github", "localhost", null);

        assertThat(selector.warnings()).isEmpty();
    }

    @Test
    void anAppOfAnotherSiteIsNotUsed() {
        app("github", "", "Other", Map.of(), "other.example.com");

        assertThatThrownBy(() -> selector().select("github", "sso.example.com", null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
    }

    @Test
    void aProviderNotInSocialBackendsIsNotEnabled() {
        app("google", "", "Google", Map.of(), "localhost");

        assertThatThrownBy(() -> selector().select("google", "localhost", null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.PROVIDER_NOT_ENABLED));
    }

    @Test
    void severalVisibleAppsAreAnErrorListingThem() {
        app("github", "", "Beta", Map.of(), "localhost");
        app("github", "", "Alpha", Map.of(), "localhost");

        assertThatThrownBy(() -> selector().select("github", "localhost", null))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.APP_AMBIGUOUS);
                    assertThat(e.getMessage()).contains("'Alpha'", "'Beta'");
                });
    }

    @Test
    void theSingleNonHiddenAppIsChosenAmongSeveral() throws ProviderException {
        app("github", "", "Old", Map.of("hidden", true), "localhost");
        app("github", "", "Current", Map.of(), "localhost");

        assertThat(selector().select("github", "localhost", null).app().name()).isEqualTo("Current");
    }

    @Test
    void anAppCanBeChosenByName() throws ProviderException {
        app("github", "", "Beta", Map.of(), "localhost");
        app("github", "", "Alpha", Map.of(), "localhost");

        assertThat(selector().select("github", "localhost", "Beta").app().name()).isEqualTo("Beta");
        assertThatThrownBy(() -> selector().select("github", "localhost", "Gamma"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("No social application named 'Gamma' for 'github' on site 'localhost'",
                            "'Alpha'", "'Beta'");
                });
    }

    @Test
    void openIdConnectInstancesAreRoutedByTheirProviderId() throws ProviderException {
        app("openid_connect", "corp", "Corp", Map.of(), "localhost");
        app("openid_connect", "lab", "Lab", Map.of(), "localhost");

        assertThat(selector().select("lab", "localhost", null).app().name()).isEqualTo("Lab");
        assertThat(selector().select("corp", "localhost", null).app().name()).isEqualTo("Corp");
    }

    @Test
    void appsFromSocialProvidersConfigServeEverySite() throws ProviderException {
        AppSelector s = selector(Map.of("social_backends", List.of("github"), "social_providers",
                Map.of("github", Map.of("APPS", List.of(Map.of("client_id", "cfg-id", "secret", "cfg-secret"))))));

        SelectedApp chosen = s.select("github", "anything.example", null);

        assertThat(chosen.app().clientId()).isEqualTo("cfg-id");
        assertThat(chosen.app().secret()).isEqualTo("cfg-secret");
        assertThat(chosen.settings().get("APPS")).isEmpty();
    }

    @Test
    void settingsOverlayProviderThenAppNameThenTheAppsOwnCaseInsensitively() throws ProviderException {
        app("github", "", "corp-github", Map.of("scope", "read:user"), "localhost");
        AppSelector s = selector(Map.of("social_backends", List.of("github"), "social_providers", Map.of(
                "github", Map.of("SCOPE", List.of("user:email"), "GITHUB_URL", "https://github.com", "VERIFIED_EMAIL", true),
                "corp-github", Map.of("GITHUB_URL", "https://ghe.corp.example"))));

        ProviderSettings settings = s.select("github", "localhost", null).settings();

        assertThat(settings.list("SCOPE")).containsExactly("read:user");
        assertThat(settings.string("github_url")).contains("https://ghe.corp.example");
        assertThat(settings.bool("verified_email", false)).isTrue();
    }

    @Test
    void anUnknownSettingKeyIsAWarningNamingIt() throws ProviderException {
        app("github", "", "Typo", Map.of("tennant", "x"), "localhost");
        AppSelector selector = selector();

        selector.select("github", "localhost", null);

        assertThat(selector.warnings()).singleElement().asString()
                .contains("Social application 'Typo' (github) has setting 'tennant', which the github provider does not know");
    }

    @Test
    void loginChoicesListOneVisibleUsableAppPerRoute() {
        app("github", "", "GitHub", Map.of(), "localhost");
        app("github", "", "Hidden", Map.of("hidden", true), "localhost");
        app("openid_connect", "corp", "Corp", Map.of(), "elsewhere.example");

        assertThat(selector().loginChoices("localhost")).extracting(c -> c.app().name()).containsExactly("GitHub");
    }

    @Test
    void theAppALoginStartedWithIsFoundByIdAmongSeveral() throws ProviderException {
        app("github", "", "GitHub", Map.of(), "localhost");
        SocialApp second = app("github", "", "GitHub Enterprise", Map.of("github_url", "https://ghe.example"), "localhost");

        SelectedApp chosen = selector().selectById("github", "localhost:8000", second.id());

        assertThat(chosen.app()).isEqualTo(second);
        assertThat(chosen.settings().string("github_url")).contains("https://ghe.example");
    }

    @Test
    void theAppALoginStartedWithIsRefusedOnceItNoLongerServesTheSite() {
        SocialApp a = app("github", "", "GitHub", Map.of(), "sso.example.com");
        apps.save(a.toBuilder().sites("other.example").build());

        assertThatThrownBy(() -> selector().selectById("github", "sso.example.com", a.id()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
    }

    @Test
    void settingsAnAdminChangedApplyToTheNextSelection() throws ProviderException {
        SocialApp a = app("github", "", "GitHub", Map.of("scope", "read:user"), "localhost");
        AppSelector selector = selector();
        assertThat(selector.selectById("github", "localhost", a.id()).settings().list("scope")).containsExactly("read:user");

        apps.save(a.toBuilder().settings(Map.of("scope", "user:email")).build());

        assertThat(selector.selectById("github", "localhost", a.id()).settings().list("scope")).containsExactly("user:email");
        assertThat(selector.select("github", "localhost", null).settings().list("scope")).containsExactly("user:email");
    }

    @Test
    void onlyADigitsPortIsIgnoredWhenMatchingASite() {
        app("github", "", "GitHub", Map.of(), "localhost");

        assertThatThrownBy(() -> selector().select("github", "localhost:80a", null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
        assertThatThrownBy(() -> selector().select("github", "localhost:", null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
    }
}
