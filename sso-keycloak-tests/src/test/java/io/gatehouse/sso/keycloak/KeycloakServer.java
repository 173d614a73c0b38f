package io.gatehouse.sso.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Keycloak started for this test run on 127.0.0.1 only, with the realm of {@code gatehouse-realm.json}. What is
 * slow happens once and is kept next to the unpacked server: the server build ({@code kc.sh build}, Quarkus
 * augmentation) and a database with the realm imported (a pristine copy keyed by the realm file and the build
 * options). Each run starts the built server on a copy of that database in a temporary folder, with local caches (no
 * clustering ports), so runs never share state and the first run alone pays for the import.
 *
 * <pre>{@code
 * try (KeycloakServer kc = KeycloakServer.start(distribution)) {
 *     URI issuer = kc.issuer();   // http://127.0.0.1:<port>/realms/gatehouse
 * }
 * }</pre>
 */
final class KeycloakServer implements AutoCloseable {
    static final String REALM = "gatehouse";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "gatehouse-admin-password";
    private static final String REALM_FILE = "gatehouse-realm.json";
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=false", "--metrics-enabled=false");
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(6);

    private final Process process;
    private final int port;
    /** This run's database folder, deleted on close; null for the import run, whose database is kept. */
    private final Path runDir;
    private final Duration startup;

    private KeycloakServer(Process process, int port, Path runDir, Duration startup) {
        this.process = process;
        this.port = port;
        this.runDir = runDir;
        this.startup = startup;
    }

    /** Builds (once), imports the realm (once), then starts a server on a fresh copy of the imported database. */
    static KeycloakServer start(KeycloakDistribution kc) throws IOException, InterruptedException {
        byte[] realm = realmFile();
        Path cache = kc.home().getParent();
        Path pristine = cache.resolve("db-" + digest(realm) + "/keycloakdb.mv.db");
        try (FileChannel lockFile = FileChannel.open(cache.resolve(".gatehouse.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            build(kc);
            if (!Files.exists(pristine)) {
                importRealm(kc, realm, pristine);
            }
        }
        Path runDir = Files.createTempDirectory("gatehouse-keycloak-");
        Files.copy(pristine, runDir.resolve("keycloakdb.mv.db"));
        return launch(kc, runDir, false);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI issuer() {
        return URI.create(baseUrl() + "/realms/" + REALM);
    }

    /** How long this start took, until the realm's discovery document answered. */
    Duration startup() {
        return startup;
    }

    private static void build(KeycloakDistribution kc) throws IOException, InterruptedException {
        Path marker = kc.home().resolve(".gatehouse-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(kc.home().resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Process build = command(kc, command).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed; see " + logFile());
        }
        Files.writeString(marker, wanted);
    }

    /** Starts once on an empty database with the realm imported, stops, and keeps the database as the pristine copy. */
    private static void importRealm(KeycloakDistribution kc, byte[] realm, Path pristine) throws IOException, InterruptedException {
        Path importDir = kc.home().resolve("data/import");
        Files.createDirectories(importDir);
        Files.write(importDir.resolve(REALM_FILE), realm);
        Path staging = Files.createTempDirectory(pristine.getParent().getParent(), "db-import-");
        // started until the realm answers, then stopped: the database now holds the master realm, the admin and our realm
        launch(kc, staging, true).close();
        Files.createDirectories(pristine.getParent());
        Files.move(staging.resolve("keycloakdb.mv.db"), pristine, StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeycloakServer launch(KeycloakDistribution kc, Path dbDir, boolean importRealm)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(kc.home().resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname-strict=false",
                "--cache=local", "--db-url=jdbc:h2:file:" + dbDir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"));
        if (importRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = command(kc, command).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        // only used when the master realm is created, i.e. on the import run
        builder.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Instant began = Instant.now();
        Process process = builder.start();
        Path owned = importRealm ? null : dbDir;
        KeycloakServer server = new KeycloakServer(process, port, owned, Duration.ZERO);
        try {
            server.awaitRealm();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new KeycloakServer(process, port, owned, Duration.between(began, Instant.now()));
    }

    private void awaitRealm() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant giveUp = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile());
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + STARTUP_LIMIT + "; see " + logFile());
    }

    private static ProcessBuilder command(KeycloakDistribution kc, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", kc.javaHome().toString());
        builder.environment().put("JAVA", kc.javaHome().resolve("bin/java").toString());
        return builder;
    }

    static Path logFile() {
        return Path.of(System.getProperty("gatehouse.keycloak.log", "target/keycloak.log"));
    }

    private static byte[] realmFile() throws IOException {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/" + REALM_FILE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_FILE + " is missing from the test resources");
            }
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] realm) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(realm);
            sha.update(String.join(" ", BUILD_OPTIONS).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server (and the JVM kc.sh started, by their process ids), and deletes this run's database. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (runDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
