package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.groupsync.GroupSyncOutcome;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.List;
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
        @SuppressWarnings("unchecked")
        Map<String, Object> callback = (Map<String, Object>) result.get("gatehouseCallbackOffline");
        // a callback parses JSON, decrypts and verifies: it allocates kilobytes, which the check must see
        assertThat((Double) callback.get("allocBytesPerOp")).isGreaterThan(1000.0);
    }

    @Test
    void eachPartOfTheCallbackDoesItsStep() throws Exception {
        CallbackPartsBenchmarks parts = new CallbackPartsBenchmarks();
        CallbackPartsBenchmarks.Parts p = new CallbackPartsBenchmarks.Parts();
        p.setUp();
        try {
            assertThat(parts.partCookieUnseal(p).nonce()).isEqualTo(SampleIdToken.NONCE);
            assertThat(parts.partReplayGuard(p)).isTrue();
            assertThat(parts.partAppSelection(p).app().id()).isEqualTo(p.scene.app().id());
            assertThat(parts.partTokenRequest(p).getBody()).contains("code=bench-authorization-code").contains("code_verifier=");
            assertThat(parts.partTokenResponse(p).idToken().serialize()).isEqualTo(SampleIdToken.VALUE);
            assertThat(parts.partIdTokenClaimsParse(p).getSubject()).isEqualTo(SampleIdToken.SUBJECT);
            assertThat(parts.partIdTokenChecks(p).getSubject()).isEqualTo(SampleIdToken.SUBJECT);
            assertThat(parts.partKeyLookup(p)).hasSize(1);
            assertThat(parts.partSignature(p)).isTrue();
            assertThat(parts.partProfile(p).uid()).isEqualTo(SampleIdToken.SUBJECT);
            assertThat(parts.partAccountStore(p)).hasValueSatisfying(a -> assertThat(a.extraData()).containsKey("groups"));
            assertThat(parts.callbackPreparation(p).cookies()).hasSize(2);
        } finally {
            p.tearDown();
        }
    }

    @Test
    void theTlsCallbackSignsInThroughTheOldClientAndThroughTheNewOne() {
        TlsCallbackBenchmarks tls = new TlsCallbackBenchmarks();
        TlsCallbackBenchmarks.OldClient old = new TlsCallbackBenchmarks.OldClient();
        TlsCallbackBenchmarks.NewClient fresh = new TlsCallbackBenchmarks.NewClient();
        old.setUp();
        fresh.setUp();
        try {
            TlsCallbackBenchmarks.OldClientCallbacks oldCallbacks = new TlsCallbackBenchmarks.OldClientCallbacks();
            oldCallbacks.next(old);
            tls.tlsCallbackOldClient(old, oldCallbacks, SINK);
            TlsCallbackBenchmarks.NewClientCallbacks newCallbacks = new TlsCallbackBenchmarks.NewClientCallbacks();
            newCallbacks.next(fresh);
            tls.tlsCallbackNewClient(fresh, newCallbacks, SINK);

            for (GatehouseScene scene : List.of(old.scene, fresh.scene)) {
                assertThat(scene.idp().origin()).startsWith("https://");
                // one sign-up login, then the measured ones: each calls the token and the userinfo endpoint
                assertThat(scene.idp().tokenRequests()).isEqualTo(1 + TlsCallbackBenchmarks.CALLBACKS_PER_INVOCATION);
                assertThat(scene.idp().userInfoRequests()).isEqualTo(1 + TlsCallbackBenchmarks.CALLBACKS_PER_INVOCATION);
                assertThat(scene.fixture().errors()).isEmpty();
            }
        } finally {
            old.tearDown();
            fresh.tearDown();
        }
    }

    @Test
    void theNewClientMakesTlsLoginsOverAHandfulOfConnections() throws Exception {
        Map<String, Object> counts = TlsConnectionCount.run(40, 2, 0, Duration.ZERO);

        @SuppressWarnings("unchecked")
        TlsConnectionCount.Count fresh = ((Map<String, TlsConnectionCount.Count>) counts.get("newClient")).get("backToBack");
        @SuppressWarnings("unchecked")
        TlsConnectionCount.Count old = ((Map<String, TlsConnectionCount.Count>) counts.get("oldClient")).get("backToBack");
        assertThat(fresh.failures()).isZero();
        assertThat(fresh.tokenRequests()).isEqualTo(40);
        assertThat(fresh.userInfoRequests()).isEqualTo(40);
        assertThat(fresh.connections()).as("connections for 80 calls on 2 threads").isBetween(1, 2);
        assertThat(old.failures()).isZero();
        assertThat(old.connections()).isPositive();
    }

    @Test
    void theResultsTableTakesTheCallbackApartAndSubtractsThePreparationFromItsAllocation() throws Exception {
        String jmh = "[" + row("CallbackBenchmarks.rawSignatureFloor", 1, "30.0", "1.5", 6000)
                + "," + row("CallbackBenchmarks.gatehouseCallbackOffline", 1, "60.0", "3.0", 80000)
                + "," + row("CallbackPartsBenchmarks.callbackPreparation", 1, "10.0", "1.0", 25000)
                + "," + row("CallbackPartsBenchmarks.partCookieUnseal", 1, "6.0", "0.5", 18000)
                + "," + row("CallbackPartsBenchmarks.partIdTokenChecks", 1, "33.0", "1.0", 9000)
                + "," + row("CallbackPartsBenchmarks.partSignature", 1, "30.0", "1.0", 8000) + "]";
        String md = new ResultsTable(new ObjectMapper().readTree(jmh)).render(ResultsTable.Probes.NONE, "bash benchmarks/run.sh",
                "java -jar benchmarks.jar", "0.1 0.1 0.1", "0.1 0.1 0.1", "", false);
        assertThat(md)
                .contains("| transaction cookie opened (JWE parse, A256GCM, claims) (`partCookieUnseal`) | 6.000 ± 0.500 | 0.200 | 10% | 18,000 |")
                // the "of which" row is inside the ID token row, so it is not added again
                .contains("| **sum of the steps** | 39.00 | 1.300 | 65% | 27,000 | |")
                .contains("| the rest: the engine between the steps, and the steps' colder caches inside the callback | 21.00 | 0.700 | 35% |")
                .contains("| **the engine's own allocation per callback** | **55,000** | ≤ 50 KB (51,200 B): not met |");
    }

    @Test
    void theResultsTableShowsTheTlsClientsAndTheirConnections() throws Exception {
        String jmh = "[" + row("TlsCallbackBenchmarks.tlsCallbackOldClient", 1, "400.0", "40.0", 200000)
                + "," + row("TlsCallbackBenchmarks.tlsCallbackNewClient", 1, "200.0", "20.0", 150000) + "]";
        String tls = "{\"threads\":2,\"spacingSeconds\":6,\"oldClient\":{\"spaced\":{\"logins\":5,\"failures\":0,"
                + "\"tokenRequests\":5,\"userInfoRequests\":5,\"connections\":10,\"seconds\":31.0}},"
                + "\"newClient\":{\"backToBack\":{\"logins\":1000,\"failures\":0,\"tokenRequests\":1000,"
                + "\"userInfoRequests\":1000,\"connections\":2,\"seconds\":4.0}}}";
        ObjectMapper json = new ObjectMapper();
        String md = new ResultsTable(json.readTree(jmh)).render(new ResultsTable.Probes(null, null, null, json.readTree(tls), null),
                "bash benchmarks/run.sh", "java -jar benchmarks.jar", "0.1 0.1 0.1", "0.1 0.1 0.1", "", false);
        assertThat(md)
                // 2 × sqrt(0.1² + 0.1²)
                .contains("(`tlsCallbackOldClient`) | 400.0 ± 40.00 | 400.0 | 200,000 | 2.00 ± 0.28 |")
                .contains("| old | spaced | 5 | 0 | 5 | 5 | **10** | 2.000 | 31.00 |  |")
                .contains("| new | back to back | 1,000 | 0 | 1000 | 1000 | **2** | 0.002 | 4.000 | a handful |");
    }

    @Test
    void theResultsTableReadsJmhJsonAndStatesTheRatios() throws Exception {
        String jmh = "[" + row("CallbackBenchmarks.rawSignatureFloor", 1, "30.0", "1.5")
                + "," + row("CallbackBenchmarks.gatehouseCallbackOffline", 1, "60.0", "\"NaN\"")
                + "," + row("CallbackBenchmarks.gatehouseIdToken", 1, "45.0", "4.5") + "]";
        String md = new ResultsTable(new ObjectMapper().readTree(jmh)).render(ResultsTable.Probes.NONE, "bash benchmarks/run.sh",
                "java -jar benchmarks.jar", "1.0 1.0 1.0", "1.0 1.0 1.0", "", true);
        assertThat(md).contains("Smoke run, machine loaded (load average 1.0 1.0 1.0")
                .contains("| 2a | Gatehouse callback CPU, no network (`gatehouseCallbackOffline`) | 1 | 60.00 ± n/a | 60.00 |")
                .contains("| Gatehouse callback CPU (2a) ÷ raw floor (1) | 2.00 ± n/a | n/a | ≤ 2.0 |")
                // 1.5 × sqrt(0.05² + 0.1²)
                .contains("| Gatehouse ID token only (2c) ÷ raw floor (1) | 1.50 ± 0.17 | n/a |  |");
    }

    @Test
    void aFullRunOnABusyMachineSaysSo() throws Exception {
        String jmh = "[" + row("CallbackBenchmarks.rawSignatureFloor", 1, "30.0", "1.5") + "]";
        String md = new ResultsTable(new ObjectMapper().readTree(jmh)).render(ResultsTable.Probes.NONE, "bash benchmarks/run.sh",
                "java -jar benchmarks.jar", "64.0 1.0 1.0", "0.1 0.1 0.1", "", false);
        assertThat(md).contains("**Machine loaded (load average 64.0 1.0 1.0 at start").doesNotContain("Smoke run");
    }

    private static String row(String benchmark, int threads, String score, String error) {
        return row(benchmark, threads, score, error, -1);
    }

    /** A JMH JSON result; {@code alloc} is gc.alloc.rate.norm, left out when negative. */
    private static String row(String benchmark, int threads, String score, String error, long alloc) {
        String secondary = alloc < 0 ? "{}" : "{\"gc.alloc.rate.norm\":{\"score\":" + alloc + "}}";
        return "{\"benchmark\":\"io.gatehouse.sso.benchmarks." + benchmark + "\",\"mode\":\"avgt\",\"threads\":" + threads
                + ",\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + ",\"scorePercentiles\":{\"50.0\":"
                + score + "},\"scoreUnit\":\"us/op\"},\"secondaryMetrics\":" + secondary + "}";
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
