package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the SPI leaves to the store, pinned for this one: ids, value round trips, precision. */
abstract class StoreDetailsSpec {

    protected abstract DataSource freshDatabase();

    private JdbcStores stores;

    @BeforeEach
    void stores() {
        stores = JdbcStores.create(freshDatabase(), TestKeys.k1());
    }

    private static SocialApp app(String id, String name) {
        return SocialApp.builder("github").id(id).name(name).clientId("c").secret("s").build();
    }

    @Test
    void anAppSavedUnderAnUnknownNumericIdIsInsertedAndLaterNewAppsSkipPastThatId() {
        stores.socialApps().save(app("1", "chosen"));
        stores.socialApps().save(app("2", "chosen too"));

        SocialApp generated = stores.socialApps().save(app(null, "generated"));

        assertThat(generated.id()).isNotIn("1", "2");
        assertThat(stores.socialApps().findAll()).hasSize(3);
    }

    @Test
    void anAppIdThatIsNotACanonicalNumberIsRefusedOnSaveAndNotFoundOnRead() {
        assertThatThrownBy(() -> stores.socialApps().save(app("abc", "x"))).isInstanceOf(IllegalArgumentException.class);
        SocialApp saved = stores.socialApps().save(app(null, "x"));

        assertThat(stores.socialApps().findById("0" + saved.id())).isEmpty();
        assertThat(stores.socialApps().delete("+" + saved.id())).isFalse();
    }

    @Test
    void whatAStoreReturnsEqualsWhatItReadsBack() {
        Instant withNanos = Instant.parse("2026-01-02T03:04:05.123456789Z");
        User ada = stores.users().register(new Registration(new UserDraft("ada", "", "", "", true),
                new IdentitySignIn("github", "1", Map.of("id", 5L, "tags", Set.of("x")), null, withNanos), Set.of())).user();

        SocialAccount linked = stores.socialAccounts().link(ada.id(), new IdentitySignIn("google", "g", Map.of("n", 5L), null, withNanos));
        SocialApp saved = stores.socialApps().save(SocialApp.builder("github").name("n").clientId("c").secret("s")
                .settings(Map.of("count", 7L, "ratio", 0.5f)).build());

        assertThat(stores.socialAccounts().find("google", "g")).contains(linked);
        assertThat(linked.lastLogin()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(stores.socialApps().findById(saved.id())).contains(saved);
        assertThat(stores.socialAccounts().find("github", "1").orElseThrow().extraData())
                .containsEntry("id", 5).containsEntry("tags", java.util.List.of("x"));
    }

    @Test
    void anErrorRecordReturnedByAppendEqualsTheListedOne() {
        ErrorRecord stored = stores.errorLog().append(ErrorRecord.of(Instant.parse("2026-01-01T00:00:00.000000999Z"),
                "k", "i", "d", "p"));

        assertThat(stores.errorLog().list(0, 1)).containsExactly(stored);
        assertThatThrownBy(() -> stores.errorLog().list(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changesForAnUnknownUserFailAsNoSuchElement() {
        assertThatThrownBy(() -> stores.groups().apply("424242", Set.of("a"), Set.of()))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stores.socialAccounts().link("424242", new IdentitySignIn("github", "1", Map.of(), null, Instant.EPOCH)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> stores.users().update(new User("424242", "x", "", "", "", true)))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(stores.groups().findByName("a")).as("nothing of the failed call is kept").isEmpty();
    }
}
