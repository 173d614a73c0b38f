package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.SsoSession;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client secrets, app keys and tokens never reach the database, a log or a message in plain text. */
abstract class SecretsAtRestSpec {

    protected abstract DataSource freshDatabase();

    private static final Instant T = Instant.parse("2026-02-03T04:05:06Z");
    /** Sessions expire after it: expired ones may be deleted by any later call. */
    private static final Instant LATER = Instant.now().plusSeconds(3600);
    private static final List<String> PLAIN = List.of("app-secret-3f9c1a", "app-key-77d2e0", "access-token-a1b2c3",
            "refresh-token-d4e5f6", "linked-access-9z8y", "login-access-5k4j", "login-refresh-3h2g", "session-id-token-7q6w");

    private DataSource dataSource;
    private JdbcStores stores;

    @BeforeEach
    void storesFullOfSecrets() {
        dataSource = freshDatabase();
        stores = JdbcStores.create(dataSource, TestKeys.k1());
        stores.socialApps().save(SocialApp.builder("keycloak").name("Corp").clientId("client-1").secret(PLAIN.get(0))
                .key(PLAIN.get(1)).settings(Map.of("server_url", "https://idp.example")).sites("localhost").build());
        User ada = stores.users().register(new Registration(new UserDraft("ada", "ada@example.com", "", "", true),
                new IdentitySignIn("keycloak", "ada-sub", Map.of("sub", "ada-sub"), new SocialToken(PLAIN.get(2), PLAIN.get(3), T), T),
                Set.of("staff"))).user();
        stores.socialAccounts().link(ada.id(), new IdentitySignIn("github", "42", Map.of(), new SocialToken(PLAIN.get(4), null, null), T));
        stores.socialAccounts().recordLogin(new IdentitySignIn("github", "42", Map.of(), new SocialToken(PLAIN.get(5), PLAIN.get(6), T), T));
        stores.errorLog().append(ErrorRecord.of(T, "sso.test", "info", "data", "auth:/x"));
        stores.sessions().add(new SsoSession("handle-1", ada.id(), "keycloak", "app-1", "ada-sub", "sid-1", PLAIN.get(7), T,
                LATER, null));
    }

    @Test
    void noSecretKeyOrTokenAppearsInPlainTextInAnyColumnOfAnyTable() throws Exception {
        List<String> everything = RawTables.everyValue(dataSource);

        assertThat(RawTables.tables(dataSource)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(everything).isNotEmpty();
        for (String plain : PLAIN) {
            assertThat(everything).noneMatch(v -> v.contains(plain));
        }
        assertThat(everything).noneMatch(v -> v.contains(TestKeys.K1) || v.contains(TestKeys.K2));
        assertThat(everything).filteredOn(v -> v.contains("_sealed=")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.substring(v.indexOf('=') + 1)).startsWith("v1:k1:"));
    }

    @Test
    void theStoresStillReadEverySecretBack() {
        SocialApp app = stores.socialApps().findAll().get(0);
        assertThat(app.secret()).isEqualTo(PLAIN.get(0));
        assertThat(app.key()).isEqualTo(PLAIN.get(1));
        assertThat(stores.socialAccounts().findToken("keycloak", "ada-sub").orElseThrow().refreshToken())
                .isEqualTo(PLAIN.get(3));
        assertThat(stores.socialAccounts().findToken("github", "42").orElseThrow())
                .isEqualTo(new SocialToken(PLAIN.get(5), PLAIN.get(6), T));
        assertThat(stores.sessions().find("handle-1").orElseThrow().idToken()).isEqualTo(PLAIN.get(7));
    }

    @Test
    void aSessionsIdTokenCopiedToAnotherSessionDoesNotDecrypt() throws Exception {
        stores.sessions().add(new SsoSession("handle-2", "1", "keycloak", "app-1", "bob-sub", "sid-2", "another-id-token", T,
                LATER, null));
        RawTables.update(dataSource, "UPDATE sso_session SET id_token_sealed = (SELECT id_token_sealed FROM sso_session"
                + " WHERE handle = 'handle-1') WHERE handle = 'handle-2'");

        assertThatThrownBy(() -> stores.sessions().find("handle-2"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("sso_session.id_token_sealed")
                .hasMessageNotContaining(PLAIN.get(7));
    }

    @Test
    void aValueCopiedToAnotherRowDoesNotDecrypt() throws Exception {
        SocialApp other = stores.socialApps().save(SocialApp.builder("github").name("GitHub").clientId("c2").secret("other").build());
        RawTables.update(dataSource, "UPDATE sso_social_app SET secret_sealed = (SELECT secret_sealed FROM sso_social_app"
                + " WHERE id <> " + other.id() + ") WHERE id = " + other.id());

        assertThatThrownBy(() -> stores.socialApps().findById(other.id()))
                .isInstanceOf(SecretDecryptionException.class)
                .satisfies(e -> assertThat(((SecretDecryptionException) e).keyId()).isEqualTo("k1"))
                .hasMessageContaining("sso_social_app.secret_sealed")
                .hasMessageNotContaining(PLAIN.get(0));
    }

    @Test
    void aValueCopiedToAnotherColumnOfTheSameRowDoesNotDecrypt() throws Exception {
        RawTables.update(dataSource, "UPDATE sso_social_token SET access_token_sealed = refresh_token_sealed");

        assertThatThrownBy(() -> stores.socialAccounts().findToken("keycloak", "ada-sub"))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void noSecretReachesTheTestLog() throws Exception {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assertThat(logFile).as("surefire sends every log line of the run to one file").isNotBlank();
        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);

        assertThat(log).contains("Gatehouse JDBC stores ready");
        for (String plain : PLAIN) {
            assertThat(log).doesNotContain(plain);
        }
        assertThat(log).doesNotContain(TestKeys.K1).doesNotContain(TestKeys.K2);
    }

    @Test
    void keyRingsAndTokensPrintNoKeyMaterial() {
        assertThat(TestKeys.k2ReadingK1().toString()).contains("k1", "k2")
                .doesNotContain(TestKeys.K1).doesNotContain(TestKeys.K2);
        assertThat(stores.socialAccounts().findToken("github", "42").orElseThrow().toString())
                .doesNotContain(PLAIN.get(5)).doesNotContain(PLAIN.get(6));
    }
}
