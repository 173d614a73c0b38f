package io.gatehouse.sso.benchmarks.cluster;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a node's threads wait for monitors: ten times a second, each thread BLOCKED entering a monitor is counted
 * under the method it is in and the monitor's class. Enough to name the lock if contention shows up in the totals;
 * sampling costs a thread-state snapshot per tick, not a stack walk of every thread.
 */
final class BlockedFrames {
    private static final long PERIOD_MILLIS = 100;

    private final ThreadMXBean threads;
    private final Map<String, LongAdder> samples = new ConcurrentHashMap<>();
    private final Thread sampler = new Thread(this::sampleForever, "blocked-frames");

    BlockedFrames(ThreadMXBean threads) {
        this.threads = threads;
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The CPU time the sampling itself has cost, so the harness can leave it out of the node's figure. */
    long samplerCpuNanos() {
        return Math.max(0, threads.getThreadCpuTime(sampler.getId()));
    }

    /** Samples so far, by {@code Class.method on MonitorClass}. */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        samples.forEach((frame, n) -> out.put(frame, n.sum()));
        return out;
    }

    private void sampleForever() {
        while (true) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 1)) {
                if (info != null && info.getThreadState() == Thread.State.BLOCKED && info.getStackTrace().length > 0) {
                    StackTraceElement top = info.getStackTrace()[0];
                    String lock = info.getLockName() == null ? "?" : info.getLockName().replaceAll("@.*", "");
                    samples.computeIfAbsent(top.getClassName() + "." + top.getMethodName() + " on " + lock, k -> new LongAdder())
                            .increment();
                }
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
