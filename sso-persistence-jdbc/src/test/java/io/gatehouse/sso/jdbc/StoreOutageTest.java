package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.fixtures.PostgresSchema;
import io.gatehouse.sso.fixtures.TcpProxy;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.StoreUnavailableException;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC stores while PostgreSQL goes away and comes back (through a {@link TcpProxy}; the shared server is never
 * stopped): every call fails fast as {@link StoreUnavailableException}, a transaction cut off half-way leaves
 * nothing behind, and the same store objects work again once the database is back.
 */
class StoreOutageTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    PostgresSchema schema;
    TcpProxy proxy;
    JdbcStores stores;

    @BeforeEach
    void setUp() {
        schema = PG.freshSchema();
        proxy = TcpProxy.to(schema.host(), schema.port());
        stores = JdbcStores.create(schema.through(proxy).dataSource(), TestKeys.k1());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    static Registration ada() {
        return new Registration(new UserDraft("ada", "ada@example.com", "Ada", "Lovelace", true),
                new IdentitySignIn("keycloak", "kc-ada", Map.of("sub", "kc-ada"), null, Instant.now()), Set.of());
    }

    static void assertUnavailable(Executable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::execute).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("SQLState 08");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("fails fast").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void everyCallFailsFastAsStoreUnavailableWhileTheDatabaseIsDownAndWorksOnceItIsBack() {
        SocialApp app = stores.socialApps().save(SocialApp.builder("keycloak").name("Corp").clientId("c").build());

        proxy.cut();

        assertUnavailable(() -> stores.socialApps().findById(app.id()));
        assertUnavailable(() -> stores.users().register(ada()));
        assertUnavailable(() -> stores.singleUseValues().firstUse("callback-state:1", Instant.now().plusSeconds(60)));
        assertUnavailable(() -> stores.errorLog().append(ErrorRecord.of(Instant.now(), "sso.x", "i", "d", "p")));

        proxy.restore();

        assertThat(stores.socialApps().findById(app.id())).isPresent();
        assertThat(stores.users().register(ada()).created()).isTrue();
    }

    @Test
    void aRegistrationCutOffBeforeItsLinkIsWrittenLeavesNeitherUserNorLink() throws Exception {
        proxy.cutWhenClientSends("INSERT INTO sso_social_account");

        assertUnavailable(() -> stores.users().register(ada()));
        assertThat(proxy.awaitTriggered(Duration.ofSeconds(5))).as("the cut came after the user's row was sent").isTrue();
        proxy.restore();

        assertThat(stores.users().findByUsername("ada")).isEmpty();
        assertThat(stores.socialAccounts().find("keycloak", "kc-ada")).isEmpty();
        assertThat(stores.users().register(ada()).created()).as("the next try works, same objects").isTrue();
        assertThat(stores.socialAccounts().find("keycloak", "kc-ada")).isPresent();
    }
}
