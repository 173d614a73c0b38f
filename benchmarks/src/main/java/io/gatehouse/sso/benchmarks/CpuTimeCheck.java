package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cross-check of the JMH numbers that holds up on a busy machine: the single-threaded operations of the
 * callback benchmarks and begin-login, measured in <em>thread CPU time</em> ({@link java.lang.management.ThreadMXBean}) rather than
 * wall time, in interleaved rounds (floor, Gatehouse, Spring, ... then again), reporting the median round. Time
 * the thread spends descheduled by other processes is not counted, and load that drifts over the run hits every
 * operation alike, so the ratios stay meaningful where JMH's wall-clock scores, taken minutes apart, do not. It
 * does not replace JMH (no forks, no blackholes, cache and frequency effects of co-runners still count).
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.CpuTimeCheck --rounds 9 --round-millis 300 --out cpu.json
 * }</pre>
 */
public final class CpuTimeCheck {
    /** HotSpot's thread bean, which also counts the bytes a thread allocated. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Operations per timed batch: long enough that reading the CPU clock costs nothing. */
    private static final int BATCH = 100;

    /** One operation; {@code prepare} runs outside the timed region before each batch. */
    private interface Operation {
        Object run(int index) throws Exception;

        default void prepare(int batch) {
        }
    }

    private CpuTimeCheck() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Map<String, Object> result = run(Integer.parseInt(options.getOrDefault("rounds", "9")),
                Integer.parseInt(options.getOrDefault("round-millis", "300")),
                Integer.parseInt(options.getOrDefault("warmup-rounds", "6")));
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), json);
        }
        System.out.println(json);
    }

    public static Map<String, Object> run(int rounds, int roundMillis, int warmupRounds) throws Exception {
        CallbackBenchmarks.RawFloor floor = new CallbackBenchmarks.RawFloor();
        floor.setUp();
        CallbackBenchmarks.GatehouseIdToken gatehouse = new CallbackBenchmarks.GatehouseIdToken();
        gatehouse.setUp();
        CallbackBenchmarks.SpringReused spring = new CallbackBenchmarks.SpringReused();
        spring.setUp();
        try (GatehouseScene offline = GatehouseScene.offline(); GatehouseScene begin = GatehouseScene.forBeginLogin()) {
            LoginRequest request = GatehouseScene.loginRequest();
            Map<String, Operation> operations = new LinkedHashMap<>();
            operations.put("rawSignatureFloor", i -> floor.verify());
            operations.put("gatehouseIdToken", i -> gatehouse.validate());
            operations.put("springIdTokenDecoderReused", i -> spring.check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE));
            operations.put("gatehouseCallbackOffline", new Operation() {
                private final List<CallbackRequest> callbacks = new ArrayList<>();

                @Override
                public void prepare(int batch) {
                    callbacks.clear();
                    for (int i = 0; i < batch; i++) {
                        callbacks.add(offline.nextCallback());
                    }
                }

                @Override
                public Object run(int index) {
                    return CallbackBenchmarks.signedIn(offline.engine().completeLogin(GatehouseScene.ROUTE, callbacks.get(index)));
                }
            });
            operations.put("beginLogin", i -> {
                LoginOutcome outcome = begin.engine().beginLogin(GatehouseScene.ROUTE, request);
                return BeginLoginBenchmarks.redirect(outcome);
            });

            Map<String, List<double[]>> samples = new LinkedHashMap<>();
            for (String name : operations.keySet()) {
                samples.put(name, new ArrayList<>());
            }
            for (int round = 0; round < warmupRounds + rounds; round++) {
                for (Map.Entry<String, Operation> op : operations.entrySet()) {
                    double[] cpuAndWall = timeRound(op.getKey(), op.getValue(), roundMillis);
                    if (round >= warmupRounds) {
                        samples.get(op.getKey()).add(cpuAndWall);
                    }
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rounds", rounds);
            result.put("roundMillis", roundMillis);
            for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
                List<Double> cpu = new ArrayList<>();
                List<Double> wall = new ArrayList<>();
                List<Double> alloc = new ArrayList<>();
                e.getValue().forEach(s -> {
                    cpu.add(s[0]);
                    wall.add(s[1]);
                    alloc.add(s[2]);
                });
                Collections.sort(alloc);
                Collections.sort(cpu);
                Collections.sort(wall);
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("cpuMicrosMedian", cpu.get(cpu.size() / 2));
                stats.put("cpuMicrosMin", cpu.get(0));
                stats.put("cpuMicrosMax", cpu.get(cpu.size() - 1));
                stats.put("wallMicrosMedian", wall.get(wall.size() / 2));
                stats.put("allocBytesPerOp", alloc.get(alloc.size() / 2));
                result.put(e.getKey(), stats);
            }
            return result;
        } finally {
            gatehouse.tearDown();
            spring.tearDown();
        }
    }

    /**
     * Runs batches of one operation for about {@code millis} of CPU time; returns CPU and wall µs per operation, and
     * the bytes the thread allocated per operation (in the batches only, not in {@code prepare}).
     */
    private static double[] timeRound(String name, Operation op, int millis) throws Exception {
        long cpu = 0;
        long wall = 0;
        long allocated = 0;
        long count = 0;
        int batch = BATCH;
        while (cpu < millis * 1_000_000L) {
            op.prepare(batch);
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                if (op.run(i) == null) {
                    throw new IllegalStateException(name + " returned nothing");
                }
            }
            cpu += THREADS.getCurrentThreadCpuTime() - c0;
            wall += System.nanoTime() - w0;
            allocated += THREADS.getCurrentThreadAllocatedBytes() - a0;
            count += batch;
        }
        return new double[] {cpu / 1e3 / count, wall / 1e3 / count, (double) allocated / count};
    }
}
