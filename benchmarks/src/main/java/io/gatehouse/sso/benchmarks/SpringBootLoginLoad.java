package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same login load against the Gatehouse Spring Boot example and against a plain Spring Boot application on
 * {@code oauth2Login}: one loopback OpenID Connect server (mock-oauth2-server) for both, each application in its own
 * JVM with the same options, a warm-up, then a measured run. Reports sign-ins per second, latency percentiles and
 * the IdP's JWKS downloads over each application's whole run. Users come from a fixed pool, so after the warm-up
 * Gatehouse signs known users in (its registrations happen in the warm-up).
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.SpringBootLoginLoad --gatehouse-jar example.jar \
 *      --spring-jar oauth2-login-app.jar --threads 4 --warmup-seconds 10 --seconds 20 --out springboot.json
 * }</pre>
 */
public final class SpringBootLoginLoad {
    static final String CLIENT_ID = "bench-client";
    private static final String ISSUER_ID = "corp";
    private static final int USERS = 200;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup-seconds", "10")));
        Duration measured = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "20")));
        List<String> jvm = Arrays.asList(o.getOrDefault("jvm-options", "-Xms512m -Xmx512m -XX:+UseParallelGC").split(" "));
        Path logs = Path.of(o.getOrDefault("logs", "."));
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start(InetAddress.getByName("127.0.0.1"), 0);
        try {
            String issuer = idp.issuerUrl(ISSUER_ID).toString();
            ObjectNode out = new ObjectMapper().createObjectNode().put("threads", threads)
                    .put("warmupSeconds", warmup.toSeconds()).put("seconds", measured.toSeconds())
                    .put("jvmOptions", String.join(" ", jvm)).put("users", USERS);
            ArrayNode apps = out.putArray("apps");
            apps.add(measure(idp, "Gatehouse starter (examples/spring-boot-app)", o.get("gatehouse-jar"), jvm,
                    gatehouseArguments(issuer), Map.of("EXAMPLE_LOCAL_SERVICES", "off"), "/accounts/corp/login/?next=/",
                    threads, warmup, measured, logs.resolve("gatehouse-app.log")));
            apps.add(measure(idp, "Spring Security oauth2Login (spring-boot-starter-oauth2-client)", o.get("spring-jar"), jvm,
                    List.of("--bench.issuer=" + issuer, "--logging.level.root=WARN"), Map.of(), "/oauth2/authorization/corp",
                    threads, warmup, measured, logs.resolve("oauth2-login-app.log")));
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(o.getOrDefault("out", "springboot.json")).toFile(), out);
            System.out.println(out.toPrettyString());
        } finally {
            idp.shutdown();
        }
    }

    private static List<String> gatehouseArguments(String issuer) {
        String apps = "{\"openid_connect\": {\"APPS\": [{\"provider_id\": \"corp\", \"name\": \"Corp\", \"client_id\": \""
                + CLIENT_ID + "\", \"secret\": \"bench-secret\", \"settings\": {\"server_url\": \"" + issuer + "\"}}]}}";
        // mail counts as configured (registration needs it) but is never used: every email is verified
        return List.of("--gatehouse.social-providers=" + apps, "--spring.mail.host=127.0.0.1", "--spring.mail.port=9",
                "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN");
    }

    private static ObjectNode measure(MockOAuth2Server idp, String name, String jar, List<String> jvm, List<String> arguments,
                                      Map<String, String> environment, String startPath, int threads, Duration warmup,
                                      Duration measured, Path log) throws InterruptedException {
        forgetRequests(idp);
        AtomicLong next = new AtomicLong();
        Runnable nextUser = () -> nextUser(idp, next.getAndIncrement() % USERS);
        try (BootAppProcess app = BootAppProcess.start(jar, jvm, arguments, environment, log)) {
            LoginLoad load = new LoginLoad(app.base(), startPath, nextUser);
            LoginLoad.Measured warm = load.run(threads, warmup);
            LoginLoad.Measured run = load.run(threads, measured);
            int jwks = countJwksDownloads(idp);
            int signIns = warm.succeeded() + run.succeeded();
            System.out.printf("%s: %.1f sign-ins/s, p99 %.1f ms, %d failed, %d JWKS downloads%n", name, run.perSecond(),
                    run.percentileMillis(99), run.failed() + warm.failed(), jwks);
            return new ObjectMapper().createObjectNode().put("app", name).put("signIns", run.succeeded())
                    .put("failed", run.failed()).put("warmupSignIns", warm.succeeded()).put("warmupFailed", warm.failed())
                    .put("seconds", run.seconds()).put("perSecond", run.perSecond())
                    .put("p50Millis", run.percentileMillis(50)).put("p99Millis", run.percentileMillis(99))
                    .put("jwksDownloads", jwks).put("jwksPer1000", signIns == 0 ? Double.NaN : jwks * 1000.0 / signIns);
        }
    }

    /** The IdP's next token is for this user of the pool (an email it vouches for, and a group). */
    private static void nextUser(MockOAuth2Server idp, long index) {
        String subject = "user-" + index;
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), Map.of("email", subject + "@example.com", "email_verified", true,
                "preferred_username", subject, "groups", List.of("/demo/staff")), 3600));
    }

    /** Drains the IdP's request log, counting JWKS downloads. */
    private static int countJwksDownloads(MockOAuth2Server idp) {
        int jwks = 0;
        while (true) {
            RecordedRequest request;
            try {
                request = idp.takeRequest(10, TimeUnit.MILLISECONDS);
            } catch (RuntimeException drained) {
                // mock-oauth2-server answers an empty log with an exception, not null
                return jwks;
            }
            if (request == null) {
                return jwks;
            }
            if (request.getPath() != null && request.getPath().endsWith("/jwks")) {
                jwks++;
            }
        }
    }

    private static void forgetRequests(MockOAuth2Server idp) {
        countJwksDownloads(idp);
    }

    private SpringBootLoginLoad() {
    }

    static {
        // the IdP's own logging would cost as much as the applications' sign-ins
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }

}
