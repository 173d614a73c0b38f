package io.gatehouse.sso.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.sso.benchmarks.Options;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load harness: two {@link ClusterNode}s (own JVMs) on one PostgreSQL schema, the {@link LoadIdp}, and a bounded
 * number of {@link VirtualUser}s that sign in without pause. It warms up, measures for a fixed window, stops the users
 * and the nodes, counts what the database holds, drops its schema and writes the figures as JSON; it stops by itself.
 * {@code benchmarks/load.sh} runs it and puts the figures into RESULTS.md.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.cluster.LoadHarness --users 200 --warmup 20 --duration 60 \
 *      --pool 8 --out benchmarks/target/results/load.json
 * }</pre>
 */
public final class LoadHarness {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int users = Integer.parseInt(o.getOrDefault("users", "200"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "20")));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("duration", "60")));
        int pool = Integer.parseInt(o.getOrDefault("pool", "8"));
        Path out = Path.of(o.getOrDefault("out", "benchmarks/target/results/load.json")).toAbsolutePath();
        Files.createDirectories(out.getParent());
        List<String> nodeJvm = List.of(o.getOrDefault("node-jvm", "-Xms256m -Xmx768m").split(" "));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", o.getOrDefault("command", "java ... " + LoadHarness.class.getName() + " " + String.join(" ", args)));
        result.put("users", users);
        result.put("nodes", 2);
        result.put("poolPerNode", pool);
        result.put("warmupSeconds", warmup.toSeconds());
        result.put("nodeJvmOptions", String.join(" ", nodeJvm));
        result.put("javaVersion", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        result.put("loadAverageStart", MachineCpu.loadAverage());
        LoadDatabase db = LoadDatabase.create();
        try (LoadIdp idp = LoadIdp.start()) {
            db.prepare(idp.issuer());
            String transactionKey = randomKey();
            try (NodeProcess a = NodeProcess.start("a", db, transactionKey, pool, out.getParent(), nodeJvm);
                 NodeProcess b = NodeProcess.start("b", db, transactionKey, pool, out.getParent(), nodeJvm)) {
                result.putAll(measure(List.of(a, b), users, warmup, window).toMap());
                a.stop();
                b.stop();
            }
            result.put("idpCodesNotRedeemed", idp.unredeemed());
            result.put("database", db.counts());
        } finally {
            db.drop();
        }
        result.put("loadAverageEnd", MachineCpu.loadAverage());
        Files.writeString(out, JSON.writeValueAsString(result));
        System.out.println(JSON.writeValueAsString(result));
    }

    /** Runs the users: warm-up, then the window between two readings of every counter, then stop. */
    private static LoadResults measure(List<NodeProcess> nodes, int users, Duration warmup, Duration window) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        List<URI> bases = nodes.stream().map(NodeProcess::base).toList();
        AtomicBoolean stop = new AtomicBoolean();
        List<VirtualUser> virtualUsers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // users arrive over the first half of the warm-up, not all in the same millisecond
        long rampMillis = warmup.toMillis() / 2;
        long started = System.nanoTime();
        for (int i = 0; i < users; i++) {
            VirtualUser user = new VirtualUser(i, http, bases, "http://" + LoadDatabase.PUBLIC_HOST, stop::get);
            virtualUsers.add(user);
            Thread thread = new Thread(user, "vu-" + i);
            thread.setDaemon(true);   // a harness that fails half-way must still end
            threads.add(thread);
            Thread.sleep(rampMillis / users);
            thread.start();
        }
        Thread.sleep(Math.max(0, warmup.toMillis() - (System.nanoTime() - started) / 1_000_000));
        List<JsonNode> before = stats(nodes, http);
        MachineCpu cpuFrom = MachineCpu.now();
        Thread.sleep(window.toMillis());
        List<JsonNode> after = stats(nodes, http);
        MachineCpu cpuTo = MachineCpu.now();
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(120).toMillis());
        }
        List<Step> steps = new ArrayList<>();
        virtualUsers.forEach(u -> steps.addAll(u.steps()));
        return new LoadResults(steps, cpuFrom.at(), cpuTo.at(), before, after, cpuFrom, cpuTo);
    }

    private static List<JsonNode> stats(List<NodeProcess> nodes, HttpClient http) throws Exception {
        List<JsonNode> stats = new ArrayList<>();
        for (NodeProcess node : nodes) {
            stats.add(node.stats(http));
        }
        return stats;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
