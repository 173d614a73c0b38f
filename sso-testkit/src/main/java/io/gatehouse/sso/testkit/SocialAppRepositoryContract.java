package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SocialAppRepository} must do. Extend it and return a fresh, empty repository.
 *
 * <pre>{@code
 * class JdbcSocialAppsTest extends SocialAppRepositoryContract {
 *     protected SocialAppRepository newRepository() { return new JdbcSocialApps(freshDataSource()); }
 * }
 * }</pre>
 */
public abstract class SocialAppRepositoryContract {

    /**
     * A fresh, empty repository of the implementation under test; called once per test.
     *
     * @return the repository
     */
    protected abstract SocialAppRepository newRepository();

    private SocialAppRepository apps;

    @BeforeEach
    void freshRepository() {
        apps = newRepository();
    }

    private static SocialApp app(String provider, String name) {
        return SocialApp.builder(provider).name(name).clientId("client-" + name).secret("secret-" + name)
                .settings(Map.of("scope", List.of("openid", "email"), "nested", Map.of("a", 1))).sites("localhost").build();
    }

    @Test
    void saveAssignsAnIdAndFindByIdReturnsTheStoredApp() {
        SocialApp saved = apps.save(app("github", "GitHub"));

        assertThat(saved.id()).isNotBlank();
        assertThat(apps.findById(saved.id())).contains(saved);
    }

    @Test
    void everyFieldRoundTripsIncludingSecretNestedSettingsAndSites() {
        SocialApp original = SocialApp.builder("openid_connect").providerId("corp").name("Corp IdP").clientId("cid")
                .secret("s3cret").key("k3y")
                .settings(Map.of("server_url", "https://idp.example", "fetch_userinfo", true, "scope", List.of("openid"),
                        "AUTH_PARAMS", Map.of("prompt", "login")))
                .sites("a.example", "b.example").build();

        SocialApp loaded = apps.findById(apps.save(original).id()).orElseThrow();

        assertThat(loaded.provider()).isEqualTo("openid_connect");
        assertThat(loaded.providerId()).isEqualTo("corp");
        assertThat(loaded.name()).isEqualTo("Corp IdP");
        assertThat(loaded.clientId()).isEqualTo("cid");
        assertThat(loaded.secret()).isEqualTo("s3cret");
        assertThat(loaded.key()).isEqualTo("k3y");
        assertThat(loaded.settings()).isEqualTo(original.settings());
        assertThat(loaded.sites()).containsExactlyInAnyOrder("a.example", "b.example");
    }

    @Test
    void savingAnAppWithAnIdReplacesIt() {
        SocialApp saved = apps.save(app("github", "GitHub"));

        apps.save(SocialApp.builder("github").id(saved.id()).name("GitHub Enterprise").clientId("c2").secret("s2")
                .sites("x").build());

        SocialApp loaded = apps.findById(saved.id()).orElseThrow();
        assertThat(loaded.name()).isEqualTo("GitHub Enterprise");
        assertThat(loaded.sites()).containsExactly("x");
        assertThat(apps.findAll()).hasSize(1);
    }

    @Test
    void findByProviderReturnsOnlyThatProviderOrderedByName() {
        apps.save(app("github", "b"));
        apps.save(app("google", "a"));
        apps.save(app("github", "a"));

        assertThat(apps.findByProvider("github")).extracting(SocialApp::name).containsExactly("a", "b");
        assertThat(apps.findByProvider("microsoft")).isEmpty();
    }

    @Test
    void findAllIsOrderedByProviderThenName() {
        apps.save(app("google", "z"));
        apps.save(app("github", "b"));
        apps.save(app("github", "a"));

        assertThat(apps.findAll()).extracting(a -> a.provider() + "/" + a.name())
                .containsExactly("github/a", "github/b", "google/z");
    }

    @Test
    void anUnknownIdIsEmptyNotAnError() {
        assertThat(apps.findById("999999")).isEmpty();
        assertThat(apps.findById("not-a-number")).isEmpty();
    }

    @Test
    void deleteRemovesTheAppAndReportsWhetherThereWasOne() {
        SocialApp saved = apps.save(app("github", "GitHub"));

        assertThat(apps.delete(saved.id())).isTrue();
        assertThat(apps.findById(saved.id())).isEmpty();
        assertThat(apps.delete(saved.id())).isFalse();
    }

    @Test
    void anAppWithNoSitesIsStoredWithAnEmptySiteSet() {
        SocialApp saved = apps.save(SocialApp.builder("github").name("n").clientId("c").secret("s").build());

        assertThat(apps.findById(saved.id()).orElseThrow().sites()).isEmpty();
    }
}
