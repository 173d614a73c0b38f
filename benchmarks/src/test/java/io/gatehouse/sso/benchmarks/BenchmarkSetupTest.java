package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.groupsync.GroupSyncOutcome;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark's setup works and one call of each measures what it claims to (a valid token, a sign-in, a
 * redirect, an applied group sync). It does not time anything; the benchmarks themselves run from benchmarks/run.sh.
 */
class BenchmarkSetupTest {
    static final Blackhole SINK = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    final CallbackBenchmarks callbacks = new CallbackBenchmarks();

    @Test
    void theSampleTokenIsTheSameInEveryJvm() {
        // a seeded key and fixed claims: the same bytes in every fork, so all libraries verify the same token
        assertThat(SampleIdToken.deterministicKey(SampleIdToken.KEY_ID, 42L).getModulus()).isEqualTo(SampleIdToken.KEY.getModulus());
        assertThat(SampleIdToken.sign(SampleIdToken.claims().build(), SampleIdToken.KEY)).isEqualTo(SampleIdToken.VALUE);
    }

    @Test
    void theRawFloorVerifiesTheSampleSignature() throws Exception {
        CallbackBenchmarks.RawFloor floor = new CallbackBenchmarks.RawFloor();
        floor.setUp();
        assertThat(callbacks.rawSignatureFloor(floor)).isTrue();
        assertThat(callbacks.rawSignatureFloorTwoThreads(floor)).isTrue();
    }

    @Test
    void gatehouseValidatesTheSampleToken() throws Exception {
        CallbackBenchmarks.GatehouseIdToken state = new CallbackBenchmarks.GatehouseIdToken();
        state.setUp();
        try {
            assertThat(callbacks.gatehouseIdToken(state).getSubject()).isEqualTo(SampleIdToken.SUBJECT);
            assertThat(state.idp.jwksFetches()).isEqualTo(1);
        } finally {
            state.tearDown();
        }
    }

    @Test
    void springValidatesTheSampleTokenFetchingTheJwksForEveryLogin() {
        CallbackBenchmarks.Spring state = new CallbackBenchmarks.Spring();
        state.setUp();
        try {
            int before = state.idp.jwksFetches();
            assertThat(callbacks.springIdToken(state).getSubject()).isEqualTo(SampleIdToken.SUBJECT);
            // Spring Security 7.1.2's OidcIdTokenDecoderFactory builds a fresh decoder per login
            assertThat(state.idp.jwksFetches()).isGreaterThan(before);
            state.forgetRequests();
        } finally {
            state.tearDown();
        }
    }

    @Test
    void springWithAReusedDecoderValidatesFromItsWarmCache() {
        CallbackBenchmarks.SpringReused state = new CallbackBenchmarks.SpringReused();
        state.setUp();
        try {
            int before = state.idp.jwksFetches();
            assertThat(callbacks.springIdTokenDecoderReused(state).getSubject()).isEqualTo(SampleIdToken.SUBJECT);
            assertThat(state.idp.jwksFetches()).isEqualTo(before);
        } finally {
            state.tearDown();
        }
    }

    @Test
    void theOfflineCallbackSignsInTheReturningUserWithoutCallingTheTokenEndpoint() {
        CallbackBenchmarks.OfflineEngine engine = new CallbackBenchmarks.OfflineEngine();
        engine.setUp();
        try {
            CallbackBenchmarks.OfflineCallbacks prepared = new CallbackBenchmarks.OfflineCallbacks();
            prepared.next(engine);
            callbacks.gatehouseCallbackOffline(engine, prepared, SINK);
            LoginOutcome outcome = engine.scene.engine().completeLogin(GatehouseScene.ROUTE, engine.scene.nextCallback());
            assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
                assertThat(s.newUser()).isFalse();
                assertThat(s.account().uid()).isEqualTo(SampleIdToken.SUBJECT);
                assertThat(s.user().email()).isEqualTo("ada.lovelace@example.com");
            });
            assertThat(engine.scene.idp().tokenRequests()).isZero();
            assertThat(engine.scene.fixture().errors()).isEmpty();
        } finally {
            engine.tearDown();
        }
    }

    @Test
    void theLoopbackCallbackSignsInTheSameUserThroughTheTokenEndpoint() {
        CallbackBenchmarks.LoopbackEngine engine = new CallbackBenchmarks.LoopbackEngine();
        engine.setUp();
        try {
            CallbackBenchmarks.LoopbackCallbacks prepared = new CallbackBenchmarks.LoopbackCallbacks();
            prepared.next(engine);
            callbacks.gatehouseCallbackLoopback(engine, prepared, SINK);
            LoginOutcome outcome = engine.scene.engine().completeLogin(GatehouseScene.ROUTE, engine.scene.nextCallback());
            assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
                assertThat(s.newUser()).isFalse();
                assertThat(s.account().uid()).isEqualTo(SampleIdToken.SUBJECT);
                assertThat(s.user().email()).isEqualTo("ada.lovelace@example.com");
                // the offline backend's profile and stored claims match the real backend's
                assertThat(s.account().extraData()).containsEntry("email_verified", true).containsKey("groups");
            });
            // one for signing the sample user up, one per measured callback, one for the check above
            assertThat(engine.scene.idp().tokenRequests()).isEqualTo(2 + CallbackBenchmarks.CALLBACKS_PER_INVOCATION);
            engine.forgetRequests();
        } finally {
            engine.tearDown();
        }
    }

    @Test
    void beginLoginRedirectsToTheIdp() {
        BeginLoginBenchmarks.Engine engine = new BeginLoginBenchmarks.Engine();
        engine.setUp();
        try {
            LoginOutcome outcome = new BeginLoginBenchmarks().beginLogin(engine);
            assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Redirect.class,
                    r -> assertThat(r.location().toString()).startsWith(engine.scene.idp().origin() + "/authorize?"));
        } finally {
            engine.tearDown();
        }
    }

    @Test
    void groupSyncAppliesTheMappedGroups() {
        GroupSyncBenchmarks.Unchanged unchanged = new GroupSyncBenchmarks.Unchanged();
        unchanged.size = 1000;
        unchanged.setUp();
        GroupSyncOutcome steady = new GroupSyncBenchmarks().groupSyncUnchanged(unchanged);
        assertThat(steady.granted()).hasSize(1000);
        assertThat(steady.changed()).isFalse();

        GroupSyncBenchmarks.HalfChanged half = new GroupSyncBenchmarks.HalfChanged();
        half.size = 1000;
        half.setUp();
        GroupSyncOutcome changed = new GroupSyncBenchmarks().groupSyncHalfChanged(half);
        assertThat(changed.added()).hasSize(500);
        assertThat(changed.removed()).hasSize(500);
    }

    @Test
    void jwksIsFetchedOnceAndOnceMoreAfterARotation() throws Exception {
        Map<String, Object> counts = JwksFetchCount.run(200, 2, 2);
        @SuppressWarnings("unchecked")
        Map<String, JwksFetchCount.Phase> gatehouse = (Map<String, JwksFetchCount.Phase>) counts.get("gatehouse");
        assertThat(gatehouse.get("stableKey").failures()).isZero();
        assertThat(gatehouse.get("stableKey").jwksFetches()).isEqualTo(1);
        assertThat(gatehouse.get("afterRotation").failures()).isZero();
        assertThat(gatehouse.get("afterRotation").jwksFetches()).isEqualTo(1);
    }

    @Test
    void theCpuTimeCheckMeasuresEveryOperation() throws Exception {
        Map<String, Object> result = CpuTimeCheck.run(1, 5, 0);
        assertThat(result).containsKeys("rawSignatureFloor", "gatehouseIdToken", "springIdTokenDecoderReused",
                "gatehouseCallbackOffline", "beginLogin");
    }

    @Test
    void theResultsTableReadsJmhJsonAndStatesTheRatios() throws Exception {
        String jmh = "[" + row("CallbackBenchmarks.rawSignatureFloor", 1, "30.0", "1.5")
                + "," + row("CallbackBenchmarks.gatehouseCallbackOffline", 1, "60.0", "\"NaN\"")
                + "," + row("CallbackBenchmarks.gatehouseIdToken", 1, "45.0", "4.5") + "]";
        String md = new ResultsTable(new ObjectMapper().readTree(jmh)).render(null, null, null, "bash benchmarks/run.sh",
                "java -jar benchmarks.jar", "1.0 1.0 1.0", "1.0 1.0 1.0", "", true);
        assertThat(md).contains("Smoke run, machine loaded (load average 1.0 1.0 1.0")
                .contains("| 2a | Gatehouse callback CPU, no network (`gatehouseCallbackOffline`) | 1 | 60.00 ± n/a | 60.00 |")
                .contains("| Gatehouse callback CPU (2a) ÷ raw floor (1) | 2.00 ± n/a | n/a | ≤ 1.5 |")
                // 1.5 × sqrt(0.05² + 0.1²)
                .contains("| Gatehouse ID token only (2c) ÷ raw floor (1) | 1.50 ± 0.17 | n/a |  |");
    }

    @Test
    void aFullRunOnABusyMachineSaysSo() throws Exception {
        String jmh = "[" + row("CallbackBenchmarks.rawSignatureFloor", 1, "30.0", "1.5") + "]";
        String md = new ResultsTable(new ObjectMapper().readTree(jmh)).render(null, null, null, "bash benchmarks/run.sh",
                "java -jar benchmarks.jar", "64.0 1.0 1.0", "0.1 0.1 0.1", "", false);
        assertThat(md).contains("**Machine loaded (load average 64.0 1.0 1.0 at start").doesNotContain("Smoke run");
    }

    private static String row(String benchmark, int threads, String score, String error) {
        return "{\"benchmark\":\"io.gatehouse.sso.benchmarks." + benchmark + "\",\"mode\":\"avgt\",\"threads\":" + threads
                + ",\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + ",\"scorePercentiles\":{\"50.0\":"
                + score + "},\"scoreUnit\":\"us/op\"},\"secondaryMetrics\":{}}";
    }

    @Test
    void theHeapProbeRuns() throws Exception {
        try (GatehouseScene scene = GatehouseScene.forBeginLogin()) {
            PendingLoginHeap.Retained pending = PendingLoginHeap.pendingLogins(scene.engine(), 500);
            assertThat(pending.count()).isEqualTo(500);
            assertThat(pending.checksum()).isPositive();
        }
    }
}
