package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SocialApp;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SPI's {@link SocialApp.Builder}: parts set by name, the rest empty, copies derived from an app. */
class SocialAppBuilderTest {

    @Test
    void everyPartSetByNameEndsUpInTheApp() {
        SocialApp app = SocialApp.builder("openid_connect").id("3").providerId("corp").name("Corp IdP").clientId("cid")
                .secret("s3cret").key("k3y").settings(Map.of("fetch_userinfo", true)).sites("a.example", "b.example").build();

        assertThat(app).isEqualTo(new SocialApp("3", "openid_connect", "corp", "Corp IdP", "cid", "s3cret", "k3y",
                Map.of("fetch_userinfo", true), Set.of("a.example", "b.example")));
    }

    @Test
    void partsNotSetAreEmptyAndANewAppHasNoId() {
        SocialApp app = SocialApp.builder("github").build();

        assertThat(app.id()).isNull();
        assertThat(List.of(app.providerId(), app.name(), app.clientId(), app.secret(), app.key())).containsOnly("");
        assertThat(app.settings()).isEmpty();
        assertThat(app.sites()).isEmpty();
        assertThat(app.routeId()).isEqualTo("github");
    }

    @Test
    void toBuilderDerivesACopyThatDiffersOnlyInWhatIsChanged() {
        SocialApp original = SocialApp.builder("keycloak").id("7").name("Corp").clientId("c").secret("s")
                .settings(Map.of("KEYCLOAK_REALM", "corp")).sites("localhost").build();

        SocialApp renamed = original.toBuilder().name("Corporate").build();

        assertThat(renamed).isEqualTo(new SocialApp("7", "keycloak", "", "Corporate", "c", "s", "",
                Map.of("KEYCLOAK_REALM", "corp"), Set.of("localhost")));
        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void settingsChangedAfterTheyWereGivenDoNotChangeTheApp() {
        Map<String, Object> settings = new HashMap<>(Map.of("scope", "openid"));
        SocialApp.Builder builder = SocialApp.builder("openid_connect").settings(settings);
        settings.put("scope", "openid email");

        assertThat(builder.build().settings()).containsEntry("scope", "openid");
    }

    @Test
    void anAppNeedsAProvider() {
        assertThatThrownBy(() -> SocialApp.builder(null)).isInstanceOf(NullPointerException.class);
    }
}
