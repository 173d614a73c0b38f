package io.gatehouse.sso.benchmarks.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's counters as JSON, for the harness to read before and after its measurement window: the process's CPU time,
 * garbage collection time, time threads spent blocked entering monitors (lock contention) and where
 * ({@link BlockedFrames}), and the pool's waits.
 */
final class NodeStats extends HttpServlet {
    static final String PATH = "/node-stats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PoolWaits pool;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final BlockedFrames blocked = new BlockedFrames(threads);

    NodeStats(PoolWaits pool) {
        this.pool = pool;
        if (threads.isThreadContentionMonitoringSupported()) {
            threads.setThreadContentionMonitoringEnabled(true);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("cpuNanos", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
        stats.put("gcMillis", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum());
        long blockedTime = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            blockedTime += info == null ? 0 : Math.max(0, info.getBlockedTime());
        }
        stats.put("blockedMillis", blockedTime);
        stats.put("blockedSamples", blocked.counts());
        stats.put("samplerCpuNanos", blocked.samplerCpuNanos());
        stats.put("poolAcquisitions", pool.acquisitions());
        stats.put("poolWaitNanos", pool.waitNanos());
        stats.put("poolMaxWaitNanos", pool.takeMaxWaitNanos());
        stats.put("poolTimeouts", pool.timeouts());
        response.setContentType("application/json");
        JSON.writeValue(response.getOutputStream(), stats);
    }
}
