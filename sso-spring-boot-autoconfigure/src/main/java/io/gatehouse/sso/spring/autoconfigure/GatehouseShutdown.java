package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * Stops the engine's sign-ins gracefully when the application context closes ({@link LoginEngine#shutdown}): from
 * then on new steps are refused with {@code shutting_down} (503, so the load balancer's retry goes to another node),
 * and the close waits up to {@code gatehouse.shutdown.timeout} for the callbacks under way. Its phase is above the web
 * server's graceful shutdown, so it runs first, while the server still answers; keep the timeout below
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s by default).
 *
 * <pre>{@code
 * gatehouse:
 *   shutdown:
 *     timeout: 20s
 * }</pre>
 */
public final class GatehouseShutdown implements SmartLifecycle {
    /**
     * Above Spring Boot's web server graceful shutdown ({@code SmartLifecycle.DEFAULT_PHASE - 1024}) and the web
     * server's stop below it: lifecycles stop from the highest phase down.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final LoginEngine engine;
    private final Duration timeout;
    private volatile boolean running;

    /**
     * A lifecycle bean that drains the engine's running sign-ins when the context closes.
     *
     * @param engine  the login engine
     * @param timeout how long the stop waits for running sign-ins
     */
    public GatehouseShutdown(LoginEngine engine, Duration timeout) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        engine.shutdown(timeout);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
