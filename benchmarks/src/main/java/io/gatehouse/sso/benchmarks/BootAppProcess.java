package io.gatehouse.sso.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot application under load, in its own JVM: the same {@code java} as this one, the same JVM options for
 * every application, its output in a log file, stopped (and killed if it must) when closed.
 *
 * <pre>{@code
 * try (BootAppProcess app = BootAppProcess.start("app.jar", List.of("-Xmx512m"), List.of("--x=y"), Map.of(), log)) {
 *     URI base = app.base();
 * }
 * }</pre>
 */
final class BootAppProcess implements AutoCloseable {
    private final Process process;
    private final URI base;

    private BootAppProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the jar on a free loopback port and waits until it answers HTTP (at most two minutes). */
    static BootAppProcess start(String jar, List<String> jvmOptions, List<String> arguments, Map<String, String> environment,
                                Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            BootAppProcess app = new BootAppProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
            app.awaitReady(log);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    URI base() {
        return base;
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                http.send(HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the application did not answer within two minutes; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
