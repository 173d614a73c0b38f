package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SessionRegistry.SessionsEnded;
import io.gatehouse.sso.spi.SsoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SessionRegistry} must do: find what was added, end one session or all of an IdP session or
 * user (and say what matched), end exactly once under concurrency, and share all of it between the nodes of a
 * shared store. Extend it and return a fresh, empty registry; a shared store also returns a second node's view.
 *
 * <pre>{@code
 * class JdbcSessionRegistryTest extends SessionRegistryContract {
 *     protected SessionRegistry newRegistry() { return JdbcStores.create(dataSource, keys).sessions(); }
 *     protected SessionRegistry anotherNode() { return JdbcStores.create(dataSource, keys).sessions(); }
 * }
 * }</pre>
 */
public abstract class SessionRegistryContract {

    /** A fresh, empty registry. */
    protected abstract SessionRegistry newRegistry();

    /** The same registry as another node sees it; a registry that lives in one process returns itself. */
    protected SessionRegistry anotherNode() {
        return registry;
    }

    /** How many threads race to end one session. */
    protected int concurrentEnds() {
        return 16;
    }

    // micro-second precision survives every database; the sessions live a day from now
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant LATER = NOW.plus(Duration.ofHours(24));
    private SessionRegistry registry;

    @BeforeEach
    void freshRegistry() {
        registry = newRegistry();
    }

    private static SsoSession session(String id, String provider, String subject, String sid) {
        return new SsoSession(id, "7", provider, "app-1", subject, sid, "eyJ.id-token-" + id, NOW, LATER, null);
    }

    @Test
    void anAddedSessionIsFoundWithEveryPart() {
        SsoSession s = session("h-1", "keycloak", "sub-1", "sid-1");
        registry.add(s);

        assertThat(registry.find("h-1")).contains(s);
    }

    @Test
    void aSessionWithoutSubjectSidOrIdTokenIsKeptToo() {
        SsoSession s = new SsoSession("h-2", "7", "github", "app-2", null, null, null, NOW, LATER, null);
        registry.add(s);

        assertThat(registry.find("h-2")).contains(s);
    }

    @Test
    void anUnknownSessionIsEmpty() {
        assertThat(registry.find("nobody")).isEmpty();
        assertThat(registry.end("nobody", NOW)).isFalse();
    }

    @Test
    void endingASessionMarksItEndedOnce() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));

        assertThat(registry.end("h-1", NOW.plusSeconds(5))).isTrue();
        assertThat(registry.end("h-1", NOW.plusSeconds(9))).isFalse();
        assertThat(registry.find("h-1").orElseThrow().endedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void endAllBySidEndsTheSessionsOfThatIdpSessionOnly() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));
        registry.add(session("h-2", "keycloak", "sub-1", "sid-2"));

        SessionsEnded r = registry.endAll("keycloak", null, "sid-1", NOW);

        assertThat(r).isEqualTo(new SessionsEnded(1, 0));
        assertThat(registry.find("h-1").orElseThrow().endedAt()).isEqualTo(NOW);
        assertThat(registry.find("h-2").orElseThrow().endedAt()).isNull();
    }

    @Test
    void endAllBySubjectEndsEverySessionOfThatUserAtThatProviderOnly() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));
        registry.add(session("h-2", "keycloak", "sub-1", "sid-2"));
        registry.add(session("h-3", "keycloak", "sub-2", "sid-3"));
        registry.add(session("h-4", "other-idp", "sub-1", "sid-4"));

        assertThat(registry.endAll("keycloak", "sub-1", null, NOW)).isEqualTo(new SessionsEnded(2, 0));
        assertThat(registry.find("h-3").orElseThrow().endedAt()).isNull();
        assertThat(registry.find("h-4").orElseThrow().endedAt()).isNull();
    }

    @Test
    void withSubjectAndSidASessionMustMatchBoth() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));

        assertThat(registry.endAll("keycloak", "sub-2", "sid-1", NOW).matched()).isFalse();
        assertThat(registry.endAll("keycloak", "sub-1", "sid-1", NOW)).isEqualTo(new SessionsEnded(1, 0));
    }

    @Test
    void sessionsThatHadEndedAreCountedButNotEndedAgain() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));
        registry.end("h-1", NOW);

        assertThat(registry.endAll("keycloak", null, "sid-1", NOW.plusSeconds(1))).isEqualTo(new SessionsEnded(0, 1));
        assertThat(registry.find("h-1").orElseThrow().endedAt()).isEqualTo(NOW);
    }

    @Test
    void nothingMatchesAnUnknownSidOrSubject() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));

        assertThat(registry.endAll("keycloak", null, "sid-9", NOW)).isEqualTo(new SessionsEnded(0, 0));
        assertThat(registry.endAll("keycloak", "sub-9", null, NOW)).isEqualTo(new SessionsEnded(0, 0));
    }

    @Test
    void aSessionAddedOnOneNodeIsEndedByAnotherAndTheFirstSeesIt() {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));
        SessionRegistry other = anotherNode();

        assertThat(other.endAll("keycloak", null, "sid-1", NOW)).isEqualTo(new SessionsEnded(1, 0));
        assertThat(registry.find("h-1").orElseThrow().liveAt(NOW)).isFalse();
    }

    @Test
    void ofConcurrentEndsOfOneSessionExactlyOneEndsIt() throws Exception {
        registry.add(session("h-1", "keycloak", "sub-1", "sid-1"));
        SessionRegistry other = anotherNode();
        int threads = concurrentEnds();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                SessionRegistry node = i % 2 == 0 ? registry : other;
                boolean bySid = i % 3 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    return bySid ? node.endAll("keycloak", null, "sid-1", NOW).ended() : node.end("h-1", NOW) ? 1 : 0;
                }));
            }
            start.countDown();
            int ended = 0;
            for (Future<Integer> r : results) {
                ended += r.get(60, TimeUnit.SECONDS);
            }
            assertThat(ended).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
