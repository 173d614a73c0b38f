package io.gatehouse.sso.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterNode} in a JVM of its own, started by the harness with the harness's class path: its output goes
 * to {@code <work>/node-<name>.log}, its port comes through a ready file, its counters through {@link NodeStats}, and
 * {@link #stop()} sends SIGTERM (the node drains its sign-ins) and waits for it to end.
 */
final class NodeProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;

    private NodeProcess(Process process, int port) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts node {@code name} and waits (up to two minutes) until it serves. */
    static NodeProcess start(String name, LoadDatabase db, String transactionKey, int poolSize, Path work, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path ready = work.resolve("node-" + name + ".port");
        Files.deleteIfExists(ready);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(),
                "--name", name, "--jdbc-url", db.schema().url(), "--db-user", db.schema().user(),
                "--db-password", db.schema().password(), "--schema", db.schema().name(), "--db-key", db.dbKey(), "--transaction-key", transactionKey,
                "--site-url", "http://" + LoadDatabase.PUBLIC_HOST + "/app", "--pool", Integer.toString(poolSize),
                "--ready-file", ready.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("node-" + name + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("node " + name + " did not start; see " + work.resolve("node-" + name + ".log"));
            }
            Thread.sleep(100);
        }
        return new NodeProcess(process, Integer.parseInt(Files.readString(ready).trim()));
    }

    /** {@code http://127.0.0.1:<port>} */
    URI base() {
        return base;
    }

    /** The node's counters now (see {@link NodeStats}). */
    JsonNode stats(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/app" + NodeStats.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    /** SIGTERM, then up to 30 s for the node to drain and exit, then SIGKILL. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
