package io.gatehouse.sso.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The part every engine state of the callback benchmarks shares: one {@link GatehouseScene} made for the trial,
 * its IdP's request log dropped after each iteration (MockWebServer keeps every request otherwise), and closed at
 * the end. A subclass says which scene, and carries JMH's {@code @State}.
 *
 * <pre>{@code
 * @State(Scope.Benchmark)
 * public static class OfflineEngine extends SceneState {
 *     protected GatehouseScene create() { return GatehouseScene.offline(); }
 * }
 * }</pre>
 */
public abstract class SceneState {
    GatehouseScene scene;

    protected abstract GatehouseScene create();

    @Setup(Level.Trial)
    public void setUp() {
        scene = create();
    }

    @TearDown(Level.Iteration)
    public void forgetRequests() {
        scene.idp().forgetRequests();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scene.close();
    }
}
