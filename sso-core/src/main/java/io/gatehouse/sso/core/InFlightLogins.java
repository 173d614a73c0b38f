package io.gatehouse.sso.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sign-in steps running on this node, and the gate that closes when the node stops: once closed, a new step
 * is refused with {@link FailureCode#SHUTTING_DOWN} (a load balancer sends the user to another node), while the
 * steps already running may finish. A step that finishes writes all of its changes or none, so a node that stops
 * after the bound leaves nothing half-written either; the bound only limits how long the stop waits.
 *
 * <p>Entering and leaving is one atomic update of one counter, so the gate costs requests no lock.
 */
final class InFlightLogins {
    /** The sign of the state: set once the gate is closed. The rest counts the running steps. */
    private static final int CLOSED = Integer.MIN_VALUE;

    private final AtomicInteger state = new AtomicInteger();
    private final Object drained = new Object();

    /** Runs {@code step} through the attempt's one exception mapping, unless the gate is closed. */
    LoginOutcome run(LoginAttempt attempt, LoginAttempt.Step step) {
        if (!enter()) {
            return attempt.refuse(FailureCode.SHUTTING_DOWN, "A sign-in step arrived after this node began to shut down");
        }
        try {
            return attempt.guard(step);
        } finally {
            leave();
        }
    }

    private boolean enter() {
        int s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
        } while (!state.compareAndSet(s, s + 1));
        return true;
    }

    private void leave() {
        if (state.decrementAndGet() == CLOSED) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /**
     * Closes the gate and waits up to {@code bound} for the running steps.
     *
     * @return true when none is running any more; false when the bound passed first (or the wait was interrupted)
     */
    boolean closeAndAwait(Duration bound) {
        state.getAndUpdate(s -> s | CLOSED);
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (drained) {
            while (state.get() != CLOSED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(drained, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return state.get() == CLOSED;
                }
            }
            return true;
        }
    }

    /** How many steps are running now. */
    int running() {
        return state.get() & ~CLOSED;
    }
}
