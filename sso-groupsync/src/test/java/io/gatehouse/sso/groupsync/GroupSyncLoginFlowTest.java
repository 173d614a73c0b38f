package io.gatehouse.sso.groupsync;

import com.nimbusds.jose.JOSEObjectType;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.ErrorRecord;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group sync inside a real login: the real {@link LoginEngine} and OpenID Connect provider against a
 * running OpenID Connect server (mock-oauth2-server) whose ID token carries a {@code groups} claim.
 */
class GroupSyncLoginFlowTest {
    private static final String ISSUER_ID = "keycloak";
    private static final String CLIENT_ID = "inventree";
    private static final String ROUTE = "openid_connect";

    private MockOAuth2Server idp;
    private EngineFixture fx;
    private LoginEngine engine;
    private final LoginDance dance = new LoginDance();

    @BeforeEach
    void setUp() {
        idp = new MockOAuth2Server();
        idp.start();
        fx = new EngineFixture();
        fx.addApp(ROUTE, "Company Keycloak", CLIENT_ID, "client-secret-value",
                Map.of("server_url", idp.issuerUrl(ISSUER_ID).toString()));
        fx.set(SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC, "true")
                .set(SettingKey.SSO_GROUP_KEY, "groups")
                .set(SettingKey.SSO_GROUP_MAP, "{\"/inventree/admins\": \"admin\", \"/inventree/staff\": \"staff\"}")
                .set(SettingKey.SSO_REMOVE_GROUPS, "true");
        fx.listener(new GroupSync(fx.store, fx.settings, fx.errorLog, Clock.systemUTC()));
        engine = fx.engine(new OpenIdConnectBackend());
    }

    @AfterEach
    void tearDown() {
        idp.shutdown();
    }

    /** Makes the IdP's next token answer carry these claims for this subject. */
    private void idpSends(String subject, Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.put("email", subject + "@example.com");
        all.put("email_verified", true);
        all.put("preferred_username", subject);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), all, 3600));
    }

    private LoginOutcome.SignedIn login() {
        LoginOutcome outcome = dance.login(engine, ROUTE);
        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        return (LoginOutcome.SignedIn) outcome;
    }

    @Test
    void a_new_user_gets_the_mapped_groups_from_the_id_token() {
        idpSends("alice", Map.of("groups", List.of("/inventree/admins", "/unmapped")));

        LoginOutcome.SignedIn in = login();

        assertThat(in.newUser()).isTrue();
        assertThat(fx.store.groupNamesOf(in.user().id())).containsExactly("admin");
        assertThat(fx.store.findByName("admin")).isPresent();
        assertThat(fx.errors()).isEmpty();
    }

    @Test
    void a_later_login_follows_the_idp_and_removes_what_it_no_longer_grants() {
        idpSends("bob", Map.of("groups", List.of("/inventree/admins", "/inventree/staff")));
        String userId = login().user().id();

        idpSends("bob", Map.of("groups", List.of("/inventree/staff")));
        LoginOutcome.SignedIn again = login();

        assertThat(again.newUser()).isFalse();
        assertThat(again.user().id()).isEqualTo(userId);
        assertThat(fx.store.groupNamesOf(userId)).containsExactly("staff");
    }

    @Test
    void an_idp_that_sends_no_groups_claim_still_signs_the_user_in_and_leaves_groups_alone() {
        idpSends("carol", Map.of("groups", List.of("/inventree/staff")));
        String userId = login().user().id();

        idpSends("carol", Map.of());
        LoginOutcome.SignedIn again = login();

        assertThat(again.user().id()).isEqualTo(userId);
        assertThat(fx.store.groupNamesOf(userId)).containsExactly("staff");
        assertThat(fx.errors()).extracting(ErrorRecord::kind).containsExactly("sso.group_claim_missing");
        assertThat(fx.errors().get(0).path()).isEqualTo("auth:/accounts/" + ROUTE + "/login/callback/");
    }
}
