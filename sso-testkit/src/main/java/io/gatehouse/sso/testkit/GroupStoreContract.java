package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.Group;
import io.gatehouse.sso.spi.GroupChange;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link io.gatehouse.sso.spi.GroupStore} must do. Extend it and return fresh, empty stores.
 *
 * <pre>{@code
 * class InMemoryGroupStoreTest extends GroupStoreContract {
 *     protected IdentityStores newStores() { return IdentityStores.inMemory(); }
 * }
 * }</pre>
 */
public abstract class GroupStoreContract {

    /**
     * Fresh, empty stores of the implementation under test, sharing one data set; called once per test.
     *
     * @return the stores
     */
    protected abstract IdentityStores newStores();

    private IdentityStores stores;
    private User user;

    @BeforeEach
    void oneUser() {
        stores = newStores();
        user = stores.users().register(new Registration(new UserDraft("ada", "ada@example.com", "", "", true),
                new IdentitySignIn("keycloak", "ada", Map.of(), null, Instant.EPOCH), Set.of())).user();
    }

    @Test
    void createIsIdempotent() {
        Group first = stores.groups().create("admin");
        Group second = stores.groups().create("admin");

        assertThat(second).isEqualTo(first);
        assertThat(stores.groups().listGroups()).hasSize(1);
    }

    @Test
    void listGroupsIsOrderedByName() {
        stores.groups().create("b");
        stores.groups().create("a");
        stores.groups().create("c");

        assertThat(stores.groups().listGroups()).extracting(Group::name).containsExactly("a", "b", "c");
    }

    @Test
    void findByNameIsEmptyForAnUnknownGroup() {
        assertThat(stores.groups().findByName("nope")).isEmpty();
    }

    @Test
    void applyAddsCreatesAndRemovesAndReportsExactlyWhatChanged() {
        stores.groups().create("existing");
        stores.groups().apply(user.id(), Set.of("old", "kept"), Set.of());

        GroupChange change = stores.groups().apply(user.id(), Set.of("existing", "brand-new", "kept"), Set.of("old"));

        assertThat(change.added()).containsExactlyInAnyOrder("existing", "brand-new");
        assertThat(change.created()).containsExactly("brand-new");
        assertThat(change.removed()).containsExactly("old");
        assertThat(stores.groups().groupNamesOf(user.id())).containsExactlyInAnyOrder("existing", "brand-new", "kept");
        assertThat(stores.groups().findByName("old")).as("removing a membership keeps the group").isPresent();
    }

    @Test
    void applyingTheSameChangeTwiceChangesNothingTheSecondTime() {
        stores.groups().apply(user.id(), Set.of("a"), Set.of("b"));

        GroupChange second = stores.groups().apply(user.id(), Set.of("a"), Set.of("b"));

        assertThat(second.isEmpty()).isTrue();
    }

    @Test
    void aNameInBothAddAndRemoveIsAdded() {
        GroupChange change = stores.groups().apply(user.id(), Set.of("x"), Set.of("x"));

        assertThat(change.added()).containsExactly("x");
        assertThat(stores.groups().groupNamesOf(user.id())).containsExactly("x");
    }

    @Test
    void removingAGroupTheUserIsNotInChangesNothing() {
        stores.groups().create("other");

        assertThat(stores.groups().apply(user.id(), Set.of(), Set.of("other", "missing")).isEmpty()).isTrue();
    }

    @Test
    void aBlankGroupNameIsRefusedAndNothingOfThatCallIsApplied() {
        assertThatThrownBy(() -> stores.groups().apply(user.id(), Set.of("fine", " "), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(stores.groups().groupNamesOf(user.id())).isEmpty();
        assertThat(stores.groups().findByName("fine")).isEmpty();
    }

    @Test
    void anUnknownUserHasNoGroups() {
        assertThat(stores.groups().groupNamesOf("987654")).isEmpty();
    }
}
