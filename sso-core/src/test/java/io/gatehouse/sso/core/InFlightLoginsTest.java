package io.gatehouse.sso.core;

import io.gatehouse.sso.testkit.InMemoryErrorLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate a stopping node closes: running steps may finish, new ones are refused, the wait is bounded. */
class InFlightLoginsTest {
    private static final URI BASE = URI.create("http://localhost:8000");
    private final InMemoryErrorLog errorLog = new InMemoryErrorLog();
    private final FailureLog failures = new FailureLog(errorLog, Clock.systemUTC());
    private final InFlightLogins inFlight = new InFlightLogins();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final LoginOutcome done = new LoginOutcome.EmailConfirmed(null, "/");

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    private LoginAttempt attempt() {
        return LoginAttempt.begin(failures, "github", new LoginRequest(AuthProcess.LOGIN, "/parts/", BASE, null, null));
    }

    /** A step that runs until the test releases it. */
    private Future<LoginOutcome> aRunningStep() throws InterruptedException {
        Future<LoginOutcome> step = threads.submit(() -> inFlight.run(attempt(), () -> {
            started.countDown();
            awaitRelease();
            return done;
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return step;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Test
    void aStepRunsAndIsCountedWhileItRuns() throws Exception {
        Future<LoginOutcome> step = aRunningStep();
        assertThat(inFlight.running()).isEqualTo(1);

        release.countDown();

        assertThat(step.get(10, TimeUnit.SECONDS)).isSameAs(done);
        assertThat(inFlight.running()).isZero();
    }

    @Test
    void closingWaitsForTheRunningStepAndRefusesNewOnesMeanwhile() throws Exception {
        Future<LoginOutcome> running = aRunningStep();
        Future<Boolean> closing = threads.submit(() -> inFlight.closeAndAwait(Duration.ofSeconds(30)));
        while (inFlight.run(attempt(), () -> done) == done) {
            Thread.onSpinWait(); // until the closing thread has closed the gate
        }

        LoginOutcome refused = inFlight.run(attempt(), () -> done);
        assertThat(refused).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> {
            assertThat(f.failure().code()).isEqualTo(FailureCode.SHUTTING_DOWN);
            assertThat(f.next()).isEqualTo("/parts/");
        });
        assertThat(closing.isDone()).as("still waiting for the running step").isFalse();

        release.countDown();

        assertThat(closing.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(running.get(10, TimeUnit.SECONDS)).isSameAs(done);
        assertThat(errorLog.all()).as("refusals of a stopping node are logged, not stored").isEmpty();
    }

    @Test
    void closingGivesUpAfterTheBoundWhileAStepStillRuns() throws Exception {
        aRunningStep();
        long start = System.nanoTime();

        boolean drained = inFlight.closeAndAwait(Duration.ofMillis(200));

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(drained).isFalse();
        assertThat(waited).isBetween(150L, 5_000L);
        assertThat(inFlight.running()).isEqualTo(1);
    }

    @Test
    void closingWithNothingRunningReturnsAtOnce() {
        assertThat(inFlight.closeAndAwait(Duration.ofSeconds(30))).isTrue();
        assertThat(inFlight.run(attempt(), () -> done)).isInstanceOf(LoginOutcome.Failed.class);
    }

    @Test
    void aStepThatFailsStillLeavesTheGate() throws Exception {
        LoginOutcome failed = inFlight.run(attempt(), () -> {
            throw new IllegalStateException("broken");
        });

        assertThat(failed).isInstanceOf(LoginOutcome.Failed.class);
        assertThat(inFlight.running()).isZero();
        assertThat(inFlight.closeAndAwait(Duration.ofSeconds(30))).isTrue();
    }
}
