package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key ring that cannot read what the database holds stops start-up, with a message naming the key id. */
abstract class KeyStartupSpec {

    protected abstract DataSource freshDatabase();

    private static final String SECRET = "secret-never-shown-51a7";
    private DataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = freshDatabase();
    }

    private void storeSecretsUnder(SecretKeyRing keys) {
        JdbcStores stores = JdbcStores.create(dataSource, keys);
        stores.socialApps().save(SocialApp.builder("github").name("GitHub").clientId("c").secret(SECRET).build());
        stores.users().register(new Registration(new UserDraft("ada", "", "", "", true),
                new IdentitySignIn("github", "1", Map.of(), new SocialToken("token-" + SECRET, null, null), Instant.EPOCH),
                Set.of()));
    }

    @Test
    void anEmptyDatabaseStartsWithAnyKey() {
        assertThatCode(() -> JdbcStores.create(dataSource, TestKeys.k2())).doesNotThrowAnyException();
    }

    @Test
    void startingWithoutTheKeyOfStoredValuesFailsNamingTheMissingKeyId() {
        storeSecretsUnder(TestKeys.k1());

        assertThatThrownBy(() -> JdbcStores.create(dataSource, TestKeys.k2()))
                .isInstanceOf(UnknownSecretKeyException.class)
                .satisfies(e -> assertThat(((UnknownSecretKeyException) e).keyIds()).containsExactly("k1"))
                .hasMessageContaining("k1")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void startingWithAWrongKeyUnderTheRightIdFailsNamingTheKeyId() {
        storeSecretsUnder(TestKeys.k1());
        SecretKeyRing wrong = SecretKeyRing.of("k1", TestKeys.K2);

        assertThatThrownBy(() -> JdbcStores.create(dataSource, wrong))
                .isInstanceOf(SecretDecryptionException.class)
                .satisfies(e -> assertThat(((SecretDecryptionException) e).keyId()).isEqualTo("k1"))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void startingWithTheRightKeyAmongOthersWorks() {
        storeSecretsUnder(TestKeys.k1());

        JdbcStores stores = JdbcStores.create(dataSource, TestKeys.k2ReadingK1());

        assertThat(stores.socialApps().findAll()).singleElement().satisfies(a -> assertThat(a.secret()).isEqualTo(SECRET));
    }

    @Test
    void readingAValueWrittenByANodeWithANewerKeyFailsTypedNamingThatKeyId() {
        JdbcStores oldNode = JdbcStores.create(dataSource, TestKeys.k1());
        JdbcStores newNode = JdbcStores.create(dataSource, TestKeys.k2ReadingK1());
        SocialApp written = newNode.socialApps().save(SocialApp.builder("github").name("n").clientId("c").secret(SECRET).build());

        assertThatThrownBy(() -> oldNode.socialApps().findById(written.id()))
                .isInstanceOf(UnknownSecretKeyException.class)
                .satisfies(e -> assertThat(((UnknownSecretKeyException) e).keyIds()).containsExactly("k2"))
                .hasMessageNotContaining(SECRET);
    }
}
