package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.spi.UsernameTakenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link io.gatehouse.sso.spi.UserDirectory} must do, above all the atomic
 * {@code register}. Extend it and return fresh, empty stores sharing one backing store.
 *
 * <pre>{@code
 * class JdbcUserDirectoryTest extends UserDirectoryContract {
 *     protected IdentityStores newStores() { return JdbcStores.identity(freshDataSource()); }
 * }
 * }</pre>
 */
public abstract class UserDirectoryContract {

    /**
     * Fresh, empty stores of the implementation under test, sharing one data set; called once per test.
     *
     * @return the stores
     */
    protected abstract IdentityStores newStores();

    /**
     * How many threads race in the concurrent-registration test.
     *
     * @return the number of threads
     */
    protected int concurrentRegistrations() {
        return 50;
    }

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private IdentityStores stores;

    @BeforeEach
    void freshStores() {
        stores = newStores();
    }

    private static Registration registration(String username, String uid, Set<String> groups) {
        return new Registration(new UserDraft(username, username + "@example.com", "First", "Last", true),
                new IdentitySignIn("keycloak", uid, Map.of("sub", uid, "groups", List.of("/a")),
                        new SocialToken("access-" + uid, "refresh-" + uid, NOW.plusSeconds(300)), NOW), groups);
    }

    @Test
    void registerCreatesTheUserTheLinkTheTokenAndTheGroupsTogether() {
        RegistrationResult result = stores.users().register(registration("ada", "uid-1", Set.of("staff", "readers")));

        assertThat(result.created()).isTrue();
        User user = result.user();
        assertThat(user.id()).isNotBlank();
        assertThat(stores.users().findById(user.id())).contains(user);
        assertThat(user.username()).isEqualTo("ada");
        assertThat(user.email()).isEqualTo("ada@example.com");
        assertThat(user.active()).isTrue();
        assertThat(stores.accounts().find("keycloak", "uid-1")).hasValueSatisfying(a -> {
            assertThat(a.userId()).isEqualTo(user.id());
            assertThat(a.extraData()).containsEntry("sub", "uid-1");
            assertThat(a.dateJoined()).isEqualTo(NOW);
            assertThat(a.lastLogin()).isEqualTo(NOW);
        });
        assertThat(stores.accounts().findToken("keycloak", "uid-1")).hasValueSatisfying(t -> {
            assertThat(t.accessToken()).isEqualTo("access-uid-1");
            assertThat(t.refreshToken()).isEqualTo("refresh-uid-1");
        });
        assertThat(stores.groups().groupNamesOf(user.id())).containsExactlyInAnyOrder("staff", "readers");
    }

    @Test
    void registerOfAnAlreadyLinkedIdentityCreatesNothingAndReturnsTheLinkedUser() {
        User first = stores.users().register(registration("ada", "uid-1", Set.of())).user();

        RegistrationResult second = stores.users().register(registration("ada2", "uid-1", Set.of("other")));

        assertThat(second.created()).isFalse();
        assertThat(second.user().id()).isEqualTo(first.id());
        assertThat(stores.users().findByUsername("ada2")).isEmpty();
        assertThat(stores.groups().findByName("other")).isEmpty();
    }

    @Test
    void registerWithATakenUsernameFailsTypedAndStoresNothing() {
        stores.users().register(registration("ada", "uid-1", Set.of()));

        assertThatThrownBy(() -> stores.users().register(registration("ada", "uid-2", Set.of("new-group"))))
                .isInstanceOf(UsernameTakenException.class)
                .satisfies(e -> assertThat(((UsernameTakenException) e).username()).isEqualTo("ada"));

        assertThat(stores.accounts().find("keycloak", "uid-2")).isEmpty();
        assertThat(stores.accounts().findToken("keycloak", "uid-2")).isEmpty();
        assertThat(stores.groups().findByName("new-group")).isEmpty();
    }

    @Test
    void registerWithoutATokenStoresNoToken() {
        Registration r = registration("ada", "uid-1", Set.of());
        IdentitySignIn s = r.signIn();
        stores.users().register(new Registration(r.user(), new IdentitySignIn(s.provider(), s.uid(), s.extraData(), null, s.at()),
                r.groups()));

        assertThat(stores.accounts().findToken("keycloak", "uid-1")).isEmpty();
        assertThat(stores.accounts().find("keycloak", "uid-1")).isPresent();
    }

    @Test
    void findByEmailIgnoresCaseAndFindsEveryMatch() {
        stores.users().register(registration("ada", "uid-1", Set.of()));

        assertThat(stores.users().findByEmail("ADA@Example.COM")).extracting(User::username).containsExactly("ada");
        assertThat(stores.users().findByEmail("nobody@example.com")).isEmpty();
        assertThat(stores.users().findByEmail("")).isEmpty();
    }

    @Test
    void unknownUsersAreEmptyNotErrors() {
        assertThat(stores.users().findById("424242")).isEmpty();
        assertThat(stores.users().findById("not-an-id")).isEmpty();
        assertThat(stores.users().findByUsername("nobody")).isEmpty();
    }

    @Test
    void updateReplacesProfileFieldsAndTheActiveFlag() {
        User user = stores.users().register(registration("ada", "uid-1", Set.of())).user();

        stores.users().update(new User(user.id(), "ada", "new@example.com", "Ada", "Lovelace", false));

        User loaded = stores.users().findById(user.id()).orElseThrow();
        assertThat(loaded.email()).isEqualTo("new@example.com");
        assertThat(loaded.firstName()).isEqualTo("Ada");
        assertThat(loaded.lastName()).isEqualTo("Lovelace");
        assertThat(loaded.active()).isFalse();
    }

    @Test
    void concurrentFirstLoginsOfOneIdentityEndWithOneUserAndOneLink() throws Exception {
        int threads = concurrentRegistrations();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RegistrationResult>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Registration r = registration("racer", "same-uid", Set.of("racers"));
                Callable<RegistrationResult> call = () -> {
                    start.await();
                    return stores.users().register(r);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            Set<String> userIds = new HashSet<>();
            int created = 0;
            for (Future<RegistrationResult> f : futures) {
                RegistrationResult r = f.get(60, TimeUnit.SECONDS);
                userIds.add(r.user().id());
                created += r.created() ? 1 : 0;
            }
            assertThat(userIds).hasSize(1);
            assertThat(created).isEqualTo(1);
            assertThat(stores.users().findByEmail("racer@example.com")).hasSize(1);
            assertThat(stores.accounts().findByUser(userIds.iterator().next())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
