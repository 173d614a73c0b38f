package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.testidp.SelfSignedTls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts TCP connections, each a TLS handshake, that the IdP accepted (a count, not a timing): full
 * {@code completeLogin} calls against a loopback IdP over https with a self-signed certificate, two calls to the
 * IdP per login (token and userinfo). Once with the old client ({@link OldBoundedHttpSender}) and once with the
 * engine's kept-alive client, each in two phases:
 *
 * <ul>
 *   <li>{@code backToBack}: N logins spread over threads started together, one right after the other;</li>
 *   <li>{@code spaced}: a few logins {@code spacing} apart, longer than the 5 seconds for which the JDK's
 *       {@code HttpURLConnection} keeps an idle connection: the rate of most real deployments.</li>
 * </ul>
 * Target for the new client: a handful of connections, not two per login.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.TlsConnectionCount --logins 1000 --threads 2 \
 *      --spaced-logins 5 --spacing-seconds 6 --out tls.json
 * }</pre>
 */
public final class TlsConnectionCount {

    /** One client's numbers. */
    public record Count(int logins, int failures, int tokenRequests, int userInfoRequests, int connections, double seconds) {
    }

    private TlsConnectionCount() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Map<String, Object> result = run(Integer.parseInt(options.getOrDefault("logins", "1000")),
                Integer.parseInt(options.getOrDefault("threads", "2")),
                Integer.parseInt(options.getOrDefault("spaced-logins", "5")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("spacing-seconds", "6"))));
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), json);
        }
        System.out.println(json);
    }

    /** Both clients, each against its own IdP with the same certificate, both phases. */
    public static Map<String, Object> run(int logins, int threads, int spacedLogins, Duration spacing)
            throws InterruptedException {
        SelfSignedTls tls = SelfSignedTls.forLoopback();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", threads);
        result.put("spacingSeconds", spacing.toSeconds());
        for (boolean oldClient : new boolean[] {true, false}) {
            Map<String, Count> phases = new LinkedHashMap<>();
            try (GatehouseScene scene = GatehouseScene.overTls(tls, oldClient)) {
                phases.put("backToBack", count(scene, () -> ConcurrentLogins.run(logins, threads, () -> login(scene)), logins));
            }
            if (spacedLogins > 0) {
                try (GatehouseScene scene = GatehouseScene.overTls(tls, oldClient)) {
                    phases.put("spaced", count(scene, () -> spaced(scene, spacedLogins, spacing), spacedLogins));
                }
            }
            result.put(oldClient ? "oldClient" : "newClient", phases);
        }
        return result;
    }

    /** Logins run by {@code logins}, counted from after the scene's own sign-up login and discovery. */
    static Count count(GatehouseScene scene, Logins logins, int expected) throws InterruptedException {
        LoopbackIdp idp = scene.idp();
        int connections = idp.connectionsAccepted();
        int tokens = idp.tokenRequests();
        int userInfo = idp.userInfoRequests();
        ConcurrentLogins.Run run = logins.run();
        idp.forgetRequests();
        return new Count(expected, run.failures(), idp.tokenRequests() - tokens, idp.userInfoRequests() - userInfo,
                idp.connectionsAccepted() - connections, run.seconds());
    }

    /** Some logins, run somehow. */
    @FunctionalInterface
    interface Logins {
        ConcurrentLogins.Run run() throws InterruptedException;
    }

    private static ConcurrentLogins.Run spaced(GatehouseScene scene, int logins, Duration spacing) throws InterruptedException {
        int failures = 0;
        long began = System.nanoTime();
        for (int i = 0; i < logins; i++) {
            Thread.sleep(spacing.toMillis());
            try {
                login(scene);
            } catch (RuntimeException e) {
                failures++;
            }
        }
        return new ConcurrentLogins.Run(failures, (System.nanoTime() - began) / 1e9);
    }

    private static void login(GatehouseScene scene) {
        if (!(scene.engine().completeLogin(GatehouseScene.ROUTE, scene.nextCallback()) instanceof LoginOutcome.SignedIn)) {
            throw new IllegalStateException("login failed");
        }
    }
}
