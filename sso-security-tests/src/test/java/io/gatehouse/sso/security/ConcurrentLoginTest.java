package io.gatehouse.sso.security;

import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.spi.SocialAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins racing each other on one engine (16 threads): first logins of one new identity must create one
 * user and one link, and many users' logins must never see each other's transactions. Each login is its
 * own begun transaction whose code the fake IdP's token endpoint answers with an ID token carrying that
 * login's nonce.
 */
class ConcurrentLoginTest {
    // 16 cold logins at once on a loaded machine: the first calls of a JVM's HTTP client can take seconds
    final SecurityBench bench = new SecurityBench(Map.of(), Duration.ofSeconds(20));
    final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void close() {
        pool.shutdownNow();
        bench.close();
    }

    List<LoginOutcome> concurrently(int logins, IntFunction<String> subject) throws Exception {
        List<Callable<LoginOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            String sub = subject.apply(i);
            tasks.add(() -> bench.validLogin(sub, sub + "@example.com"));
        }
        List<LoginOutcome> outcomes = new ArrayList<>();
        for (Future<LoginOutcome> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    @Test
    @Timeout(60)
    void fiftyConcurrentFirstLoginsOfOneIdentityCreateOneUserAndOneLink() throws Exception {
        List<LoginOutcome> outcomes = concurrently(50, i -> "same-subject");

        StoreSnapshot store = StoreSnapshot.of(bench.fx.store);
        assertThat(store.userCount()).isEqualTo(1);
        assertThat(store.linkCount()).isEqualTo(1);
        String winner = store.users().get(0).id();
        assertThat(outcomes).as("every racer signs in to the one account, none is refused")
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(LoginOutcome.SignedIn.class,
                        s -> assertThat(s.user().id()).isEqualTo(winner)));
        assertThat(outcomes).filteredOn(o -> ((LoginOutcome.SignedIn) o).newUser()).hasSize(1);
        assertThat(bench.fx.errors()).isEmpty();
    }

    @Test
    @Timeout(60)
    void twoHundredConcurrentLoginsOfDifferentUsersEachGetTheirOwnAccount() throws Exception {
        List<LoginOutcome> outcomes = concurrently(200, i -> "user-" + i);

        for (int i = 0; i < outcomes.size(); i++) {
            String sub = "user-" + i;
            assertThat(outcomes.get(i)).as("login of %s", sub).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
                assertThat(s.user().email()).isEqualTo(sub + "@example.com");
                assertThat(s.account().uid()).isEqualTo(sub);
                assertThat(s.newUser()).isTrue();
            });
            SocialAccount link = bench.fx.store.find(SecurityBench.ROUTE, sub).orElseThrow();
            assertThat(bench.fx.store.findById(link.userId()).orElseThrow().email()).isEqualTo(sub + "@example.com");
        }
        StoreSnapshot store = StoreSnapshot.of(bench.fx.store);
        assertThat(store.userCount()).isEqualTo(200);
        assertThat(store.linkCount()).isEqualTo(200);
        assertThat(bench.fx.errors()).isEmpty();
    }
}
