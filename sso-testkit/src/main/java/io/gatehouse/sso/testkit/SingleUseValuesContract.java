package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SingleUseValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SingleUseValues} must do: one first use per value until it expires, exactly one winner
 * among concurrent uses (on one node and, for a shared store, across nodes), exact comparison. Extend it and
 * return a fresh, empty store; a store shared by several nodes also returns a second node's view of it.
 *
 * <pre>{@code
 * class JdbcSingleUseValuesTest extends SingleUseValuesContract {
 *     protected SingleUseValues newStore() { return JdbcStores.create(dataSource, keys).singleUseValues(); }
 *     protected SingleUseValues anotherNode() { return JdbcStores.create(dataSource, keys).singleUseValues(); }
 * }
 * }</pre>
 */
public abstract class SingleUseValuesContract {

    /** A fresh, empty store. */
    protected abstract SingleUseValues newStore();

    /**
     * The same store as another application node sees it (its own objects, the shared data). Called after
     * {@link #newStore()}; a store that lives in one process returns the store itself.
     */
    protected SingleUseValues anotherNode() {
        return store;
    }

    /** How many threads race in the concurrency test. */
    protected int concurrentUses() {
        return 32;
    }

    private static final Duration LIFETIME = Duration.ofHours(1);
    private SingleUseValues store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static Instant later() {
        return Instant.now().plus(LIFETIME);
    }

    @Test
    void theFirstUseOfAValueIsAccepted() {
        assertThat(store.firstUse("callback-state:abc", later())).isTrue();
    }

    @Test
    void aSecondUseBeforeTheExpiryIsRefused() {
        store.firstUse("callback-state:abc", later());

        assertThat(store.firstUse("callback-state:abc", later())).isFalse();
    }

    @Test
    void aRefusedUseDoesNotExtendTheExpiry() {
        // long enough for both calls to land before it even on a busy machine; the test then waits it out
        Instant soon = Instant.now().plusMillis(1500);
        store.firstUse("signup:1", soon);
        assertThat(store.firstUse("signup:1", later().plus(LIFETIME))).isFalse();

        sleepUntilAfter(soon);

        assertThat(store.firstUse("signup:1", later())).as("the first use expired; the refused one set no expiry").isTrue();
    }

    @Test
    void differentValuesAreIndependent() {
        store.firstUse("signup:1", later());

        assertThat(store.firstUse("signup:2", later())).isTrue();
        assertThat(store.firstUse("email-confirmation:1", later())).isTrue();
    }

    @Test
    void valuesDifferingOnlyInCaseAreDifferentValues() {
        store.firstUse("callback-state:AbC", later());

        assertThat(store.firstUse("callback-state:abc", later())).isTrue();
        assertThat(store.firstUse("callback-state:ABC", later())).isTrue();
    }

    @Test
    void aValueWhoseUseHasExpiredMayBeUsedAgain() {
        assertThat(store.firstUse("signup:1", Instant.now().minusSeconds(1))).isTrue();

        assertThat(store.firstUse("signup:1", later())).isTrue();
        assertThat(store.firstUse("signup:1", later())).isFalse();
    }

    @Test
    void aUseThatExpiredBeforeItWasMadeNeitherUsesAValueNorEndsItsUse() {
        // how Gatehouse asks whether a value is in use without using it (e.g. "does this user await a confirmation?")
        assertThat(store.firstUse("signup:1", Instant.EPOCH)).as("not in use").isTrue();
        assertThat(store.firstUse("signup:1", later())).as("asking left no use behind").isTrue();

        assertThat(store.firstUse("signup:1", Instant.EPOCH)).as("in use").isFalse();
        assertThat(store.firstUse("signup:1", later())).as("asking did not end the use").isFalse();
    }

    @Test
    void aValueOfTheLongestLengthIsRemembered() {
        String longest = "email-confirmation:" + "x".repeat(SingleUseValues.MAX_LENGTH - "email-confirmation:".length());

        assertThat(store.firstUse(longest, later())).isTrue();
        assertThat(store.firstUse(longest, later())).isFalse();
        assertThat(store.firstUse(longest.substring(0, longest.length() - 1), later())).isTrue();
    }

    @Test
    void aValueUsedOnOneNodeIsRefusedOnAnother() {
        SingleUseValues other = anotherNode();
        store.firstUse("email-confirmation:7:ada@example.com", later());

        assertThat(other.firstUse("email-confirmation:7:ada@example.com", later())).isFalse();
    }

    @Test
    void aMissingValueOrExpiryIsRefusedWithAnException() {
        assertThatThrownBy(() -> store.firstUse(null, later())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.firstUse("signup:1", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void amongConcurrentUsesOnTwoNodesExactlyOneWins() throws Exception {
        SingleUseValues[] nodes = {store, anotherNode()};
        int threads = concurrentUses();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                SingleUseValues node = nodes[i % 2];
                uses.add(pool.submit(() -> {
                    start.await();
                    return node.firstUse("callback-state:raced", later());
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> use : uses) {
                winners += use.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepUntilAfter(Instant instant) {
        try {
            while (!Instant.now().isAfter(instant)) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
