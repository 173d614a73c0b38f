package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.GroupChange;
import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races the contracts do not cover, each call on its own connection: they end in one consistent state,
 * and a loser's transaction leaves nothing behind.
 */
abstract class ConcurrencySpec {

    protected abstract DataSource freshDatabase();

    private static final int THREADS = 20;
    private static final Instant T = Instant.parse("2026-04-05T06:07:08Z");
    private DataSource dataSource;
    private JdbcStores stores;

    @BeforeEach
    void stores() {
        dataSource = freshDatabase();
        stores = JdbcStores.create(dataSource, TestKeys.k1());
    }

    /** Runs {@code task(i)} on {@code THREADS} threads released at once; returns results or failures in order. */
    private static <T> List<Future<T>> race(IntFunction<Callable<T>> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Callable<T> call = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return futures;
    }

    private static Registration registration(String username, String uid, Set<String> groups) {
        return new Registration(new UserDraft(username, username + "@example.com", "", "", true),
                new IdentitySignIn("keycloak", uid, Map.of(), new SocialToken("at-" + username, "rt-" + username, null), T), groups);
    }

    private int count(String table) throws Exception {
        return Integer.parseInt(RawTables.single(dataSource, "SELECT COUNT(*) FROM " + table));
    }

    @Test
    void firstLoginsOfOneIdentityWithDifferentUsernamesEndWithOneUserAndNoLeftovers() throws Exception {
        List<Future<RegistrationResult>> results = race(i -> () ->
                stores.users().register(registration("racer-" + i, "same-uid", Set.of("racers"))));

        List<RegistrationResult> done = new ArrayList<>();
        for (Future<RegistrationResult> f : results) {
            done.add(f.get());
        }
        assertThat(done).filteredOn(RegistrationResult::created).hasSize(1);
        assertThat(done).extracting(r -> r.user().id()).containsOnly(done.get(0).user().id());
        assertThat(count("sso_user")).isEqualTo(1);
        assertThat(count("sso_social_account")).isEqualTo(1);
        assertThat(count("sso_social_token")).isEqualTo(1);
        assertThat(count("sso_user_group")).isEqualTo(1);
        String winner = done.stream().filter(RegistrationResult::created).findFirst().orElseThrow().user().username();
        assertThat(stores.socialAccounts().findToken("keycloak", "same-uid").orElseThrow().accessToken())
                .as("the token stored is the winner's").isEqualTo("at-" + winner);
    }

    @Test
    void registrationsOfDifferentUsersCreateTheirSharedNewGroupsOnce() throws Exception {
        List<Future<RegistrationResult>> results = race(i -> () ->
                stores.users().register(registration("user-" + i, "uid-" + i, Set.of("shared-a", "shared-b"))));

        for (Future<RegistrationResult> f : results) {
            RegistrationResult r = f.get();
            assertThat(r.created()).isTrue();
            assertThat(stores.groups().groupNamesOf(r.user().id())).containsExactlyInAnyOrder("shared-a", "shared-b");
        }
        assertThat(stores.groups().listGroups()).extracting(g -> g.name()).containsExactly("shared-a", "shared-b");
    }

    @Test
    void concurrentGroupChangesOfOneUserReportEachChangeExactlyOnce() throws Exception {
        User ada = stores.users().register(registration("ada", "ada", Set.of())).user();

        List<Future<GroupChange>> results = race(i -> () -> stores.groups().apply(ada.id(), Set.of("g"), Set.of()));

        List<GroupChange> changes = new ArrayList<>();
        for (Future<GroupChange> f : results) {
            changes.add(f.get());
        }
        assertThat(changes).filteredOn(c -> c.added().contains("g")).hasSize(1);
        assertThat(changes).filteredOn(c -> c.created().contains("g")).hasSize(1);
        assertThat(stores.groups().groupNamesOf(ada.id())).containsExactly("g");
    }

    @Test
    void linkingOneIdentityToTwoUsersAtOnceLinksItToExactlyOne() throws Exception {
        User ada = stores.users().register(registration("ada", "ada", Set.of())).user();
        User bob = stores.users().register(registration("bob", "bob", Set.of())).user();

        List<Future<Object>> results = race(i -> () ->
                stores.socialAccounts().link(i % 2 == 0 ? ada.id() : bob.id(), new IdentitySignIn("github", "583231", Map.of(), null, T)));

        String owner = stores.socialAccounts().find("github", "583231").orElseThrow().userId();
        for (int i = 0; i < results.size(); i++) {
            String caller = i % 2 == 0 ? ada.id() : bob.id();
            if (caller.equals(owner)) {
                assertThat(results.get(i).get()).isNotNull();
            } else {
                int index = i;
                assertThat(catchCause(() -> results.get(index).get())).isInstanceOf(IdentityLinkedElsewhereException.class);
            }
        }
        assertThat(count("sso_social_account")).isEqualTo(3);
    }

    @Test
    void concurrentPutsOfANewSettingAllSucceedAndOneValueWins() throws Exception {
        List<Future<Object>> results = race(i -> () -> {
            stores.settings().put("SSO_GROUP_KEY", "v" + i);
            return null;
        });

        for (Future<Object> f : results) {
            f.get();
        }
        assertThat(stores.settings().get("SSO_GROUP_KEY")).hasValueSatisfying(v -> assertThat(v).startsWith("v"));
        assertThat(count("sso_setting")).isEqualTo(1);
    }

    private static Throwable catchCause(Callable<?> call) {
        try {
            call.call();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }
}
