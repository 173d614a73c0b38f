package io.gatehouse.sso.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a number of logins spread over threads that start together, as the counting probes need them: a cold
 * cache or an empty connection pool meets concurrent logins, so a stampede would show in what is counted.
 *
 * <pre>{@code
 * ConcurrentLogins.Run run = ConcurrentLogins.run(1000, 2, () -> login());
 * }</pre>
 */
final class ConcurrentLogins {

    /** How many logins threw, and how long all of them took. */
    record Run(int failures, double seconds) {
    }

    private ConcurrentLogins() {
    }

    static Run run(int logins, int threads, Runnable login) throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = logins / threads + (t < logins % threads ? 1 : 0);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < share; i++) {
                    try {
                        login.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            }, "logins-" + t);
            worker.start();
            workers.add(worker);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return new Run(failures.get(), (System.nanoTime() - began) / 1e9);
    }
}
