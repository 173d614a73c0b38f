package io.gatehouse.sso.benchmarks;

import io.gatehouse.sso.testidp.SelfSignedTls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The callback against a loopback IdP over https (a self-signed RSA 2048 certificate made at set-up, trusted through
 * the engine's TLS context), with userinfo on, so every login calls the IdP twice: the token endpoint and the
 * userinfo endpoint. {@link #tlsCallbackOldClient} makes those calls with {@link OldBoundedHttpSender}, the client
 * before issue 13 ({@code HttpURLConnection}, {@code disconnect()} after each call; with logins back to back the JDK
 * still reuses its idle connection), {@link #tlsCallbackOldClientNewConnections} the same with every call on a new
 * connection (as when logins are more than 5 seconds apart), and {@link #tlsCallbackNewClient} with the engine's
 * kept-alive JDK client. The IdP runs in the same JVM, so its side of each TLS handshake shares the CPUs.
 * {@link TlsConnectionCount} counts the connections the IdP accepted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TlsCallbackBenchmarks {
    /** A new TLS handshake costs milliseconds: fewer callbacks per invocation than the plain-http benchmarks. */
    static final int CALLBACKS_PER_INVOCATION = 10;

    /** The engine whose token and userinfo calls go through the old client. */
    @State(Scope.Benchmark)
    public static class OldClient extends SceneState {
        @Override
        protected GatehouseScene create() {
            return GatehouseScene.overTls(SelfSignedTls.forLoopback(), true);
        }
    }

    /** The engine with its own kept-alive client. */
    @State(Scope.Benchmark)
    public static class NewClient extends SceneState {
        @Override
        protected GatehouseScene create() {
            return GatehouseScene.overTls(SelfSignedTls.forLoopback(), false);
        }
    }

    /** Fresh callbacks for one old-client invocation, sealed before it is timed. */
    @State(Scope.Thread)
    public static class OldClientCallbacks extends PreparedCallbacks {
        public OldClientCallbacks() {
            super(CALLBACKS_PER_INVOCATION);
        }

        @Setup(Level.Invocation)
        public void next(OldClient engine) {
            fill(engine);
        }
    }

    /** Fresh callbacks for one new-client invocation, sealed before it is timed. */
    @State(Scope.Thread)
    public static class NewClientCallbacks extends PreparedCallbacks {
        public NewClientCallbacks() {
            super(CALLBACKS_PER_INVOCATION);
        }

        @Setup(Level.Invocation)
        public void next(NewClient engine) {
            fill(engine);
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void tlsCallbackOldClient(OldClient e, OldClientCallbacks c, Blackhole sink) {
        CallbackBenchmarks.completeAll(e.scene, c.requests, sink);
    }

    /**
     * The old client when each call finds no idle connection to reuse, as at fewer than one login per 5 seconds
     * (the JDK's {@code HttpURLConnection} keeps an idle connection for 5 seconds): emulated by turning its
     * keep-alive off in this benchmark's JVM, so every call opens a connection and makes a TLS handshake.
     */
    @Benchmark
    @Threads(1)
    @Fork(value = 2, jvmArgsAppend = "-Dhttp.keepAlive=false")
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void tlsCallbackOldClientNewConnections(OldClient e, OldClientCallbacks c, Blackhole sink) {
        CallbackBenchmarks.completeAll(e.scene, c.requests, sink);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(CALLBACKS_PER_INVOCATION)
    public void tlsCallbackNewClient(NewClient e, NewClientCallbacks c, Blackhole sink) {
        CallbackBenchmarks.completeAll(e.scene, c.requests, sink);
    }
}
