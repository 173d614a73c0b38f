package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heap the server keeps per login, measured as live heap after full GCs before and after a batch of logins
 * whose outcomes are dropped:
 *
 * <ul>
 *   <li><b>pending</b>: N {@code beginLogin} calls never completed. Target 0 bytes each: the transaction lives
 *       in the browser's cookie, the engine keeps nothing.</li>
 *   <li><b>completed</b>: M callbacks of a returning user ({@link OfflineTokenEndpointBackend}, in-memory
 *       stores). Not zero by design: the engine remembers each used state until the transaction lifetime ends,
 *       so a replayed callback is refused, and the in-memory store keeps the latest claims of the one account.</li>
 * </ul>
 * Run it with a collector whose {@code System.gc()} is a full, compacting collection (run.sh uses
 * {@code -XX:+UseSerialGC}); the result is (used after - used before) / count.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -cp benchmarks.jar io.gatehouse.sso.benchmarks.PendingLoginHeap --pending 100000 --completed 20000
 * }</pre>
 */
public final class PendingLoginHeap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** Live heap before and after {@code count} operations. */
    public record Retained(int count, long usedBefore, long usedAfter, long checksum) {
        public double bytesPerLogin() {
            return (double) (usedAfter - usedBefore) / count;
        }
    }

    private PendingLoginHeap() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Map<String, Object> result = run(Integer.parseInt(options.getOrDefault("pending", "100000")),
                Integer.parseInt(options.getOrDefault("completed", "20000")));
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), json);
        }
        System.out.println(json);
    }

    public static Map<String, Object> run(int pending, int completed) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        try (GatehouseScene scene = GatehouseScene.forBeginLogin()) {
            result.put("pending", withBytes(pendingLogins(scene.engine(), pending)));
        }
        try (GatehouseScene scene = GatehouseScene.offline()) {
            result.put("completed", withBytes(completedLogins(scene, completed)));
        }
        return result;
    }

    private static Map<String, Object> withBytes(Retained r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", r.count());
        out.put("usedBefore", r.usedBefore());
        out.put("usedAfter", r.usedAfter());
        out.put("bytesPerLogin", r.bytesPerLogin());
        return out;
    }

    /** N begun logins whose redirects are dropped, after a warm-up of the same code. */
    public static Retained pendingLogins(LoginEngine engine, int count) throws InterruptedException {
        LoginRequest request = GatehouseScene.loginRequest();
        long checksum = begin(engine, request, Math.min(count, 20_000));
        long before = liveHeap();
        checksum += begin(engine, request, count);
        long after = liveHeap();
        return new Retained(count, before, after, checksum);
    }

    private static long begin(LoginEngine engine, LoginRequest request, int count) {
        long checksum = 0;
        for (int i = 0; i < count; i++) {
            LoginOutcome outcome = engine.beginLogin(GatehouseScene.ROUTE, request);
            if (!(outcome instanceof LoginOutcome.Redirect redirect)) {
                throw new IllegalStateException("begin login failed: " + outcome);
            }
            // use the result so the call cannot be optimised away; the outcome itself is dropped
            checksum += redirect.cookie().value().length();
        }
        return checksum;
    }

    /** N completed callbacks of the returning sample user, after a warm-up. */
    public static Retained completedLogins(GatehouseScene scene, int count) throws InterruptedException {
        long checksum = complete(scene, Math.min(count, 5_000));
        long before = liveHeap();
        checksum += complete(scene, count);
        long after = liveHeap();
        return new Retained(count, before, after, checksum);
    }

    private static long complete(GatehouseScene scene, int count) {
        long checksum = 0;
        for (int i = 0; i < count; i++) {
            LoginOutcome outcome = scene.engine().completeLogin(GatehouseScene.ROUTE, scene.nextCallback());
            if (!(outcome instanceof LoginOutcome.SignedIn signedIn)) {
                throw new IllegalStateException("login failed: " + outcome);
            }
            checksum += signedIn.user().id().length();
        }
        return checksum;
    }

    /** Used heap after repeated full collections (the smallest reading: finalisation can free more). */
    static long liveHeap() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(20);
            least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
