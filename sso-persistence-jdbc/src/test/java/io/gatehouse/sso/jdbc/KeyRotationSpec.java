package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.SsoSession;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotation: add a new current key, keep the old one for reading, re-encrypt, then drop the old key. */
abstract class KeyRotationSpec {

    protected abstract DataSource freshDatabase();

    private static final String SEALED_VALUES = "SELECT secret_sealed FROM sso_social_app UNION ALL"
            + " SELECT app_key_sealed FROM sso_social_app UNION ALL"
            + " SELECT access_token_sealed FROM sso_social_token UNION ALL"
            + " SELECT refresh_token_sealed FROM sso_social_token UNION ALL"
            + " SELECT id_token_sealed FROM sso_session";

    private DataSource dataSource;
    private String appId;

    @BeforeEach
    void secretsUnderTheOldKey() {
        dataSource = freshDatabase();
        JdbcStores stores = JdbcStores.create(dataSource, TestKeys.k1());
        appId = stores.socialApps().save(SocialApp.builder("github").name("GitHub").clientId("c").secret("app-secret")
                .key("app-key").build()).id();
        stores.users().register(new Registration(new UserDraft("ada", "", "", "", true),
                new IdentitySignIn("github", "1", Map.of(), new SocialToken("at", "rt", null), Instant.EPOCH), Set.of()));
        stores.sessions().add(new SsoSession("h-1", "1", "keycloak", appId, "sub-1", "sid-1", "id-token-1", Instant.now(),
                Instant.now().plusSeconds(3600), null));
    }

    private List<String> sealedValues() throws Exception {
        return RawTables.column(dataSource, SEALED_VALUES).stream().filter(v -> v != null).toList();
    }

    @Test
    void withTheOldKeyKeptForReadingEverythingStillReads() {
        JdbcStores stores = JdbcStores.create(dataSource, TestKeys.k2ReadingK1());

        assertThat(stores.socialApps().findById(appId).orElseThrow().secret()).isEqualTo("app-secret");
        assertThat(stores.socialAccounts().findToken("github", "1").orElseThrow().refreshToken()).isEqualTo("rt");
    }

    @Test
    void newWritesUseTheCurrentKeyAtOnce() throws Exception {
        JdbcStores stores = JdbcStores.create(dataSource, TestKeys.k2ReadingK1());

        stores.socialAccounts().recordLogin(new IdentitySignIn("github", "1", Map.of(), new SocialToken("at-2", null, null),
                Instant.EPOCH));

        assertThat(RawTables.single(dataSource, "SELECT access_token_sealed FROM sso_social_token")).startsWith("v1:k2:");
        assertThat(RawTables.single(dataSource, "SELECT refresh_token_sealed FROM sso_social_token"))
                .as("an untouched value keeps its key until re-encrypted").startsWith("v1:k1:");
    }

    @Test
    void reencryptRewritesEveryValueUnderTheCurrentKeyIdAndThenTheOldKeyCanBeDropped() throws Exception {
        JdbcStores rotating = JdbcStores.create(dataSource, TestKeys.k2ReadingK1());

        assertThat(rotating.reencryptSecrets()).isEqualTo(5);

        assertThat(sealedValues()).hasSize(5).allSatisfy(v -> assertThat(v).startsWith("v1:k2:"));
        assertThat(rotating.reencryptSecrets()).as("a second run has nothing left to do").isZero();
        JdbcStores withoutOldKey = JdbcStores.create(dataSource, TestKeys.k2());
        SocialApp app = withoutOldKey.socialApps().findById(appId).orElseThrow();
        assertThat(app.secret()).isEqualTo("app-secret");
        assertThat(app.key()).isEqualTo("app-key");
        assertThat(withoutOldKey.socialAccounts().findToken("github", "1").orElseThrow())
                .isEqualTo(new SocialToken("at", "rt", null));
        assertThat(withoutOldKey.sessions().find("h-1").orElseThrow().idToken()).isEqualTo("id-token-1");
    }
}
