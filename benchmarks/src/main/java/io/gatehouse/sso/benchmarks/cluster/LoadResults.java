package io.gatehouse.sso.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one load run, from what the virtual users recorded and the counters read at the start and end of
 * the measurement window. Sign-ins count when they ended inside the window; errors are also counted over the whole
 * run (warm-up included), since a single one fails the target.
 *
 * @param steps      every step of every virtual user
 * @param fromNanos  the window's start ({@link System#nanoTime()})
 * @param toNanos    the window's end
 * @param nodesFrom  each node's {@link NodeStats} at the start
 * @param nodesTo    each node's {@link NodeStats} at the end
 * @param cpuFrom    the machine at the start
 * @param cpuTo      the machine at the end
 */
record LoadResults(List<Step> steps, long fromNanos, long toNanos, List<JsonNode> nodesFrom, List<JsonNode> nodesTo,
                   MachineCpu cpuFrom, MachineCpu cpuTo) {

    List<Step> inWindow() {
        return steps.stream().filter(s -> s.endNanos() >= fromNanos && s.endNanos() <= toNanos).toList();
    }

    double seconds() {
        return (toNanos - fromNanos) / 1e9;
    }

    /** Sign-ins (of any kind) that ended as they should inside the window. */
    long signIns() {
        return inWindow().stream().filter(Step::ok).count();
    }

    /** A node counter's growth over the window, summed over the nodes. */
    long nodesDelta(String counter) {
        long sum = 0;
        for (int i = 0; i < nodesTo.size(); i++) {
            sum += nodesTo.get(i).path(counter).asLong() - nodesFrom.get(i).path(counter).asLong();
        }
        return sum;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Step> window = inWindow();
        long signIns = signIns();
        m.put("windowSeconds", seconds());
        m.put("signIns", signIns);
        m.put("signInsPerSecond", signIns / seconds());
        m.put("errors", window.stream().filter(s -> !s.ok()).count());
        m.put("stepsWholeRun", steps.size());
        m.put("errorsWholeRun", steps.stream().filter(s -> !s.ok()).count());
        Map<String, Long> kinds = new TreeMap<>();
        steps.stream().filter(s -> !s.ok()).forEach(s -> kinds.merge(s.kind() + ": " + s.error(), 1L, Long::sum));
        m.put("errorKinds", kinds);
        m.put("latencyMs", percentiles(window.stream().filter(Step::ok).toList()));
        Map<Step.Kind, Object> byKind = new EnumMap<>(Step.Kind.class);
        for (Step.Kind kind : Step.Kind.values()) {
            List<Step> ofKind = window.stream().filter(s -> s.kind() == kind).toList();
            Map<String, Object> k = new LinkedHashMap<>(percentiles(ofKind.stream().filter(Step::ok).toList()));
            k.put("count", ofKind.stream().filter(Step::ok).count());
            k.put("errors", ofKind.stream().filter(s -> !s.ok()).count());
            k.put("wholeRun", steps.stream().filter(s -> s.kind() == kind && s.ok()).count());
            byKind.put(kind, k);
        }
        m.put("byKind", byKind);
        m.put("cpu", cpu(signIns));
        m.put("pool", pool(signIns));
        m.put("blockedMillisPerSignIn", (double) nodesDelta("blockedMillis") / Math.max(1, signIns));
        m.put("blockedAt", blockedAt());
        m.put("gcMillisPerSecond", nodesDelta("gcMillis") / seconds());
        return m;
    }

    /** The five places node threads were most often seen blocked on a monitor during the window, with their samples. */
    private Map<String, Long> blockedAt() {
        Map<String, Long> delta = new TreeMap<>();
        for (int i = 0; i < nodesTo.size(); i++) {
            JsonNode from = nodesFrom.get(i).path("blockedSamples");
            nodesTo.get(i).path("blockedSamples").fields().forEachRemaining(e ->
                    delta.merge(e.getKey(), e.getValue().asLong() - from.path(e.getKey()).asLong(), Long::sum));
        }
        Map<String, Long> top = new LinkedHashMap<>();
        delta.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private Map<String, Object> cpu(long signIns) {
        Map<String, Object> c = new LinkedHashMap<>();
        // the contention sampler is the harness's instrument, not the node's work
        long nodeCpuNanos = nodesDelta("cpuNanos") - nodesDelta("samplerCpuNanos");
        c.put("samplerCores", nodesDelta("samplerCpuNanos") / 1e9 / seconds());
        c.put("nproc", Runtime.getRuntime().availableProcessors());
        c.put("machineBusyCores", cpuTo.machineCoresSince(cpuFrom));
        c.put("nodesCores", nodeCpuNanos / 1e9 / seconds());
        c.put("postgresCores", cpuTo.postgresCoresSince(cpuFrom));
        c.put("harnessCores", cpuTo.harnessCoresSince(cpuFrom));
        c.put("nodeCpuMicrosPerSignIn", nodeCpuNanos / 1e3 / Math.max(1, signIns));
        return c;
    }

    private Map<String, Object> pool(long signIns) {
        Map<String, Object> p = new LinkedHashMap<>();
        long acquisitions = nodesDelta("poolAcquisitions");
        long waitNanos = nodesDelta("poolWaitNanos");
        p.put("acquisitions", acquisitions);
        p.put("acquisitionsPerSignIn", (double) acquisitions / Math.max(1, signIns));
        p.put("meanWaitMicros", acquisitions == 0 ? 0 : waitNanos / 1e3 / acquisitions);
        p.put("maxWaitMillis", nodesTo.stream().mapToLong(n -> n.path("poolMaxWaitNanos").asLong()).max().orElse(0) / 1e6);
        p.put("threadsWaitingOnAverage", waitNanos / 1e9 / seconds());
        p.put("waitMillisPerSignIn", waitNanos / 1e6 / Math.max(1, signIns));
        p.put("timeouts", nodesDelta("poolTimeouts"));
        return p;
    }

    static Map<String, Object> percentiles(List<Step> steps) {
        long[] nanos = steps.stream().mapToLong(Step::nanos).sorted().toArray();
        Map<String, Object> p = new LinkedHashMap<>();
        for (double q : new double[] {50, 95, 99}) {
            p.put("p" + (int) q, nanos.length == 0 ? 0 : nanos[(int) Math.min(nanos.length - 1, Math.ceil(q / 100 * nanos.length) - 1)] / 1e6);
        }
        p.put("max", nanos.length == 0 ? 0 : Arrays.stream(nanos).max().orElse(0) / 1e6);
        return p;
    }
}
