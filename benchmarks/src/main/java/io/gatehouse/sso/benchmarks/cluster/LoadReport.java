package io.gatehouse.sso.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.benchmarks.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load harness's section of {@code benchmarks/RESULTS.md}, from its JSON ({@link LoadHarness}) and, for the CPU
 * comparison, the JMH results and CPU-time cross-check of the same machine when they exist. The section sits between
 * two markers, so {@code load.sh} replaces it in place and {@code run.sh} (through {@code ResultsTable}) keeps it.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.cluster.LoadReport --load load.json --jmh jmh.json --cpu cpu.json \
 *      --results benchmarks/RESULTS.md
 * }</pre>
 */
public final class LoadReport {
    static final String BEGIN = "<!-- load harness: begin -->";
    static final String END = "<!-- load harness: end -->";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = Options.parse(args);
        Path results = Path.of(o.getOrDefault("results", "benchmarks/RESULTS.md"));
        String current = Files.exists(results) ? Files.readString(results) : "# Gatehouse benchmark results\n\n";
        Files.writeString(results, withSection(current, section(read(o.get("load")), read(o.get("jmh")), read(o.get("cpu")))));
        System.out.println("wrote the load section of " + results);
    }

    /** The JSON file at {@code path}, or null when there is none. */
    public static JsonNode read(String path) throws IOException {
        return path == null || !Files.exists(Path.of(path)) ? null : JSON.readTree(Path.of(path).toFile());
    }

    /** {@code markdown} with its load section replaced by {@code section}, or with it appended. */
    public static String withSection(String markdown, String section) {
        int begin = markdown.indexOf(BEGIN);
        int end = markdown.indexOf(END);
        if (begin >= 0 && end > begin) {
            return markdown.substring(0, begin) + section + markdown.substring(end + END.length());
        }
        return markdown + (markdown.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
    }

    /** {@code markdown} with the load section that {@code previous} (a RESULTS.md) holds, if it holds one. */
    public static String carriedOver(Path previous, String markdown) throws IOException {
        String old = Files.exists(previous) ? Files.readString(previous) : "";
        int begin = old.indexOf(BEGIN);
        int end = old.indexOf(END);
        return begin >= 0 && end > begin ? withSection(markdown, old.substring(begin, end + END.length())) : markdown;
    }

    /** The section for one load run. */
    public static String section(JsonNode load, JsonNode jmh, JsonNode cpu) {
        String command = load.path("command").asText("bash benchmarks/load.sh");
        StringBuilder md = new StringBuilder(BEGIN).append("\n## 9. Load: two nodes on PostgreSQL, ")
                .append(load.path("users").asInt()).append(" virtual users\n\n");
        int cpus = load.path("cpu").path("nproc").asInt(Runtime.getRuntime().availableProcessors());
        if (busy(load.path("loadAverageStart").asText(), cpus)) {
            md.append("> **Machine loaded (load average ").append(load.path("loadAverageStart").asText()).append(" at start, ")
                    .append(load.path("loadAverageEnd").asText()).append(" at end, on ").append(cpus).append(" CPUs).** Other ")
                    .append("processes shared the CPUs, so rates and latencies are lower and noisier than on a quiet machine; ")
                    .append("the counts (errors, duplicates) hold regardless. Re-run `bash benchmarks/load.sh` on a quiet machine.\n\n");
        }
        md.append("`").append(command).append("`: two nodes (the servlet adapter on Jetty, each its own JVM `")
                .append(load.path("nodeJvmOptions").asText()).append("`, HikariCP pool of ").append(load.path("poolPerNode").asInt())
                .append(" connections) on one PostgreSQL schema, the loopback IdP and the virtual users in the harness JVM (")
                .append(load.path("javaVersion").asText()).append("). Warm-up ").append(load.path("warmupSeconds").asInt())
                .append(" s, then a ").append(fmt(load.path("windowSeconds").asDouble())).append(" s window; load average ")
                .append(load.path("loadAverageStart").asText()).append(" at start, ").append(load.path("loadAverageEnd").asText())
                .append(" at end.\n\n");
        JsonNode db = load.path("database");
        JsonNode latency = load.path("latencyMs");
        md.append("| figure | value | target |\n| --- | --- | --- |\n");
        row(md, "sign-ins per second (all kinds, window)", fmt(load.path("signInsPerSecond").asDouble()), "");
        row(md, "latency p50 / p95 / p99 (ms, a whole sign-in)", fmt(latency.path("p50").asDouble()) + " / "
                + fmt(latency.path("p95").asDouble()) + " / " + fmt(latency.path("p99").asDouble()), "");
        row(md, "errors (window / whole run incl. warm-up)", load.path("errors").asLong() + " / "
                + load.path("errorsWholeRun").asLong(), "0");
        row(md, "duplicate users / duplicate links (counted in the database)", db.path("duplicateUsers").asLong() + " / "
                + db.path("duplicateLinks").asLong(), "0 / 0");
        row(md, "users without their link", Long.toString(db.path("usersWithoutLink").asLong()), "0");
        row(md, "users / links / group memberships left", db.path("users").asLong() + " / " + db.path("links").asLong() + " / "
                + db.path("groupMemberships").asLong(), "");
        md.append('\n');
        kinds(md, load);
        errors(md, load);
        where(md, load, jmh, cpu);
        return md.append(END).toString();
    }

    private static void kinds(StringBuilder md, JsonNode load) {
        md.append("| kind of sign-in | in window | errors | p50 ms | p95 ms | p99 ms | whole run |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = load.path("byKind").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> k = it.next();
            JsonNode v = k.getValue();
            md.append("| ").append(k.getKey().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ").append(v.path("count").asLong())
                    .append(" | ").append(v.path("errors").asLong()).append(" | ").append(fmt(v.path("p50").asDouble()))
                    .append(" | ").append(fmt(v.path("p95").asDouble())).append(" | ").append(fmt(v.path("p99").asDouble()))
                    .append(" | ").append(v.path("wholeRun").asLong()).append(" |\n");
        }
        md.append('\n');
    }

    private static void errors(StringBuilder md, JsonNode load) {
        if (load.path("errorKinds").isEmpty()) {
            return;
        }
        md.append("Errors of the whole run, by step and answer:\n\n");
        load.path("errorKinds").fields().forEachRemaining(e -> md.append("- ").append(e.getKey()).append(": ")
                .append(e.getValue().asLong()).append('\n'));
        md.append('\n');
    }

    private static void where(StringBuilder md, JsonNode load, JsonNode jmh, JsonNode cpuCheck) {
        JsonNode cpu = load.path("cpu");
        JsonNode pool = load.path("pool");
        double perSignIn = cpu.path("nodeCpuMicrosPerSignIn").asDouble();
        md.append("**Where the time went** (over the window):\n\n| | |\n| --- | --- |\n");
        row(md, "machine CPU busy (all processes)", fmt(cpu.path("machineBusyCores").asDouble()) + " of " + cpu.path("nproc").asInt() + " cores");
        row(md, "both nodes / PostgreSQL / harness (users + IdP)", fmt(cpu.path("nodesCores").asDouble()) + " / "
                + fmt(cpu.path("postgresCores").asDouble()) + " / " + fmt(cpu.path("harnessCores").asDouble()) + " cores");
        row(md, "node CPU per sign-in (process CPU time ÷ sign-ins, the contention sampler's "
                + fmt(cpu.path("samplerCores").asDouble()) + " cores left out)", fmt(perSignIn) + " µs");
        callbackFigure(md, perSignIn, jmh, cpuCheck);
        row(md, "pool: connections per sign-in; mean wait per connection", fmt(pool.path("acquisitionsPerSignIn").asDouble()) + "; "
                + fmt(pool.path("meanWaitMicros").asDouble()) + " µs");
        row(md, "pool: wait per sign-in; threads waiting on average; longest wait; time-outs", fmt(pool.path("waitMillisPerSignIn").asDouble())
                + " ms; " + fmt(pool.path("threadsWaitingOnAverage").asDouble()) + "; " + fmt(pool.path("maxWaitMillis").asDouble())
                + " ms; " + pool.path("timeouts").asLong());
        row(md, "monitor contention: time blocked per sign-in (all node threads)", fmt(load.path("blockedMillisPerSignIn").asDouble()) + " ms");
        row(md, "where threads were seen blocked (samples at 10 Hz)", load.path("blockedAt").isEmpty() ? "nowhere"
                : String.join("; ", iterable(load.path("blockedAt"))));
        row(md, "garbage collection", fmt(load.path("gcMillisPerSecond").asDouble()) + " ms per second");
        md.append('\n');
    }

    /** The engine's callback alone, as JMH and the CPU-time cross-check measured it on this machine, next to the load's figure. */
    private static void callbackFigure(StringBuilder md, double perSignIn, JsonNode jmh, JsonNode cpuCheck) {
        if (jmh != null) {
            for (JsonNode b : jmh) {
                if (b.path("benchmark").asText().endsWith(".gatehouseCallbackOffline") && b.path("threads").asInt() == 1) {
                    double micros = b.path("primaryMetric").path("score").asDouble();
                    row(md, "JMH `gatehouseCallbackOffline` (engine callback alone, 1 thread): ratio", fmt(micros) + " µs; the load's "
                            + "sign-in costs " + fmt(perSignIn / micros) + "×");
                }
            }
        }
        if (cpuCheck != null && cpuCheck.has("gatehouseCallbackOffline")) {
            double callback = cpuCheck.path("gatehouseCallbackOffline").path("cpuMicrosMedian").asDouble();
            double begin = cpuCheck.path("beginLogin").path("cpuMicrosMedian").asDouble();
            row(md, "CPU-time cross-check: callback + begin login (engine alone): ratio", fmt(callback) + " + " + fmt(begin)
                    + " µs; the load's sign-in costs " + fmt(perSignIn / (callback + begin)) + "×");
        }
    }

    private static Iterable<String> iterable(JsonNode counts) {
        List<String> out = new ArrayList<>();
        counts.fields().forEachRemaining(e -> out.add("`" + e.getKey() + "` " + e.getValue().asLong()));
        return out;
    }

    private static void row(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static boolean busy(String loadAverage, int cpus) {
        try {
            return Double.parseDouble(loadAverage.trim().split("\\s+")[0]) > cpus / 2.0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }
}
