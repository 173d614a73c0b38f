package io.gatehouse.sso.benchmarks.cluster;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long request threads waited for a pooled connection, as HikariCP reports each acquisition: the evidence that
 * the pool is, or is not, what limits a node's throughput. Cumulative since the node started; the harness takes the
 * difference over its measurement window.
 */
final class PoolWaits implements MetricsTrackerFactory {
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final AtomicLong maxWaitNanos = new AtomicLong();
    private final LongAdder timeouts = new LongAdder();

    @Override
    public IMetricsTracker create(String poolName, PoolStats stats) {
        return new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long elapsed) {
                acquisitions.increment();
                waitNanos.add(elapsed);
                maxWaitNanos.accumulateAndGet(elapsed, Math::max);
            }

            @Override
            public void recordConnectionTimeout() {
                timeouts.increment();
            }
        };
    }

    long acquisitions() {
        return acquisitions.sum();
    }

    long waitNanos() {
        return waitNanos.sum();
    }

    /** The longest single wait since the last call (so each window reports its own). */
    long takeMaxWaitNanos() {
        return maxWaitNanos.getAndSet(0);
    }

    long timeouts() {
        return timeouts.sum();
    }
}
