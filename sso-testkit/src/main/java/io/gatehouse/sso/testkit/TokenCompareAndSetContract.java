package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SocialAccountRepository#replaceToken} must do: replace only the token it was shown, store the
 * replacement exactly, remove on {@code null}, and let exactly one of concurrent callers win, on one node and
 * across nodes. Extend it next to {@link SocialAccountRepositoryContract}.
 *
 * <pre>{@code
 * class InMemoryTokenCompareAndSetTest extends TokenCompareAndSetContract {
 *     protected IdentityStores newStores() { return IdentityStores.inMemory(); }
 * }
 * }</pre>
 */
public abstract class TokenCompareAndSetContract {

    protected abstract IdentityStores newStores();

    /** The accounts as another node sees them; stores that live in one process return the same. */
    protected SocialAccountRepository anotherNode() {
        return stores.accounts();
    }

    /** How many threads race. */
    protected int concurrentCallers() {
        return 16;
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SocialToken STORED = new SocialToken("at-1", "rt-1", T0);
    private IdentityStores stores;

    @BeforeEach
    void adaWithAToken() {
        stores = newStores();
        stores.users().register(new Registration(new UserDraft("ada", "ada@example.com", "", "", true),
                new IdentitySignIn("keycloak", "sub-1", Map.of(), STORED, T0), Set.of()));
    }

    private SocialToken stored() {
        return stores.accounts().findToken("keycloak", "sub-1").orElse(null);
    }

    @Test
    void theTokenItWasShownIsReplacedExactly() {
        SocialToken fresh = new SocialToken("at-2", "rt-2", T0.plusSeconds(300));

        assertThat(stores.accounts().replaceToken("keycloak", "sub-1", STORED, fresh)).isTrue();
        assertThat(stored()).isEqualTo(fresh);
    }

    @Test
    void aReplacementWithoutRefreshTokenDropsTheStoredOne() {
        SocialToken fresh = new SocialToken("at-2", null, null);

        assertThat(stores.accounts().replaceToken("keycloak", "sub-1", STORED, fresh)).isTrue();
        assertThat(stored()).isEqualTo(fresh);
    }

    @Test
    void anotherTokenThanTheStoredOneReplacesNothing() {
        SocialToken stale = new SocialToken("at-0", "rt-1", T0);

        assertThat(stores.accounts().replaceToken("keycloak", "sub-1", stale, new SocialToken("at-2", "rt-2", null))).isFalse();
        assertThat(stored()).isEqualTo(STORED);
    }

    @Test
    void aNullReplacementRemovesTheToken() {
        assertThat(stores.accounts().replaceToken("keycloak", "sub-1", STORED, null)).isTrue();

        assertThat(stored()).isNull();
        assertThat(stores.accounts().find("keycloak", "sub-1")).isPresent();
    }

    @Test
    void aNullExpectationMatchesOnlyAnIdentityWithoutToken() {
        assertThat(stores.accounts().replaceToken("keycloak", "sub-1", null, new SocialToken("x", null, null))).isFalse();
        stores.accounts().replaceToken("keycloak", "sub-1", STORED, null);

        assertThat(stores.accounts().replaceToken("keycloak", "sub-1", null, STORED)).isTrue();
        assertThat(stored()).isEqualTo(STORED);
    }

    @Test
    void anUnlinkedIdentityIsNeverGivenAToken() {
        assertThat(stores.accounts().replaceToken("keycloak", "nobody", null, STORED)).isFalse();
        assertThat(stores.accounts().findToken("keycloak", "nobody")).isEmpty();
    }

    @Test
    void ofConcurrentReplacementsOfOneTokenExactlyOneWins() throws Exception {
        SocialAccountRepository other = anotherNode();
        int threads = concurrentCallers();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                SocialAccountRepository node = i % 2 == 0 ? stores.accounts() : other;
                SocialToken mine = new SocialToken("at-from-" + i, "rt-from-" + i, null);
                results.add(pool.submit(() -> {
                    start.await();
                    return node.replaceToken("keycloak", "sub-1", STORED, mine);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(stored().accessToken()).startsWith("at-from-");
        } finally {
            pool.shutdownNow();
        }
    }
}
