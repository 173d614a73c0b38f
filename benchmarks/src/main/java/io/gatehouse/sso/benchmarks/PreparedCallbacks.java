package io.gatehouse.sso.benchmarks;

import io.gatehouse.sso.core.CallbackRequest;

/**
 * Fresh callbacks (a new state and sealed cookie each) for one timed invocation, made before it: every callback
 * needs its own, since the engine refuses a replayed state. A subclass carries JMH's {@code @State} and a
 * per-invocation {@code @Setup} that calls {@link #fill} with its engine state.
 */
public abstract class PreparedCallbacks {
    final CallbackRequest[] requests;

    protected PreparedCallbacks(int perInvocation) {
        this.requests = new CallbackRequest[perInvocation];
    }

    /** Replaces the callbacks with new ones for the scene's engine. */
    protected void fill(SceneState engine) {
        engine.scene.nextCallbacks(requests);
    }
}
