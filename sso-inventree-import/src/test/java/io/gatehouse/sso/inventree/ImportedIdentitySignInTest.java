package io.gatehouse.sso.inventree;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.User;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.gatehouse.sso.inventree.InvenTreeSample.ALICE_SUB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the import, an InvenTree user signs in to the Java application through the imported Keycloak app with
 * the identity InvenTree knew: a real OpenID Connect server in this JVM (mock-oauth2-server) issues the ID token,
 * and the login lands on the imported user, with the imported groups, instead of creating a new one.
 */
class ImportedIdentitySignInTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    MockOAuth2Server keycloak;
    InvenTreeDatabase inventree;
    JdbcStores gatehouse;
    LoginEngine engine;

    @BeforeEach
    void setUp() {
        keycloak = new MockOAuth2Server();
        keycloak.start();
        inventree = new InvenTreeDatabase(PG.fresh());
        new InvenTreeSample(inventree, keycloak.issuerUrl("keycloak").toString());
        gatehouse = JdbcStores.create(PG.fresh(), SecretKeyRing.of("k1", SecretKeyRing.generateKey()));
        new InvenTreeImport(inventree.dataSource, new ImportTarget(gatehouse.socialApps(), gatehouse.socialAccounts(),
                gatehouse.users(), gatehouse.groups()), ImportOptions.defaults()).run();

        gatehouse.settings().put("LOGIN_ENABLE_SSO", "true");
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("INVENTREE_", Map.of(), null,
                // a cold mock-oauth2-server answers its first request slowly on a busy machine
                Map.of("social_backends", List.of("allauth.socialaccount.providers.openid_connect"), "http_timeout_ms", 30000)));
        engine = LoginEngine.builder(config).apps(gatehouse.socialApps()).accounts(gatehouse.socialAccounts())
                .users(gatehouse.users()).settings(gatehouse.settings()).errorLog(gatehouse.errorLog())
                .singleUseValues(gatehouse.singleUseValues()).registry(ProviderRegistry.load(config.backends())).build();
    }

    @AfterEach
    void tearDown() throws SQLException {
        keycloak.shutdown();
        inventree.close();
    }

    @Test
    void anImportedIdentitySignsInAsTheExistingUserWithItsGroups() {
        User alice = gatehouse.users().findByUsername("alice").orElseThrow();
        keycloak.enqueueCallback(new DefaultOAuth2TokenCallback("keycloak", ALICE_SUB, "JWT", List.of("inventree"),
                Map.of("email", "alice@example.com", "email_verified", true, "preferred_username", "alice"), 3600));

        LoginOutcome outcome = new LoginDance().login(engine, "keycloak");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user()).isEqualTo(alice);
            assertThat(s.newUser()).isFalse();
            assertThat(s.account().uid()).isEqualTo(ALICE_SUB);
        });
        assertThat(gatehouse.groups().groupNamesOf(alice.id())).containsExactlyInAnyOrder("engineering", "purchasing");
        assertThat(gatehouse.users().findByEmail("alice@example.com")).containsExactly(alice);
        assertThat(gatehouse.errorLog().list(0, 10)).isEmpty();
    }
}
