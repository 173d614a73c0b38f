package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.sso.core.LoginOutcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts JWKS downloads at the IdP, not time: N logins from a cold start with a stable key, then the IdP rotates
 * to a new key (the old one disappears from the JWKS) and N more logins carry tokens signed with the new key.
 * Gatehouse's target is one download for the first phase (plus scheduled refreshes: the cache lives 15 minutes,
 * far longer than a phase) and exactly one more after the rotation. Spring Security's check is counted the
 * same way, on its own loopback IdP, for comparison; since Spring Security 7's {@code OidcIdTokenDecoderFactory}
 * builds a new decoder (with an empty JWKS cache) for every login, each of its logins fetches the JWKS, so it
 * runs fewer logins ({@code --spring-logins}) to keep the run short.
 *
 * <p>Gatehouse logins are full {@code completeLogin} calls with the token endpoint replayed from memory
 * ({@link OfflineTokenEndpointBackend}); the engine's own shared JWKS source does the fetching. Logins are
 * spread over several threads that start together, so a cold-cache stampede would show up as extra fetches.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.JwksFetchCount --logins 10000 --spring-logins 1000 --threads 2 --out jwks.json
 * }</pre>
 */
public final class JwksFetchCount {

    /** One phase's numbers. */
    public record Phase(int logins, int failures, int jwksFetches, double seconds) {
    }

    private JwksFetchCount() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int logins = Integer.parseInt(options.getOrDefault("logins", "10000"));
        int springLogins = Integer.parseInt(options.getOrDefault("spring-logins", "1000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        Map<String, Object> result = run(logins, springLogins, threads);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), json);
        }
        System.out.println(json);
    }

    /** Both libraries, both phases. */
    public static Map<String, Object> run(int logins, int springLogins, int threads) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", threads);
        result.put("gatehouse", gatehouse(logins, threads));
        result.put("spring", spring(springLogins, threads));
        return result;
    }

    static Map<String, Phase> gatehouse(int logins, int threads) throws InterruptedException {
        try (LoopbackIdp idp = new LoopbackIdp(); GatehouseScene scene = GatehouseScene.cold(idp)) {
            Map<String, Phase> phases = new LinkedHashMap<>();
            Runnable login = () -> {
                if (!(scene.engine().completeLogin(GatehouseScene.ROUTE, scene.nextCallback()) instanceof LoginOutcome.SignedIn)) {
                    throw new IllegalStateException("login failed");
                }
            };
            phases.put("stableKey", phase(idp, logins, threads, login));
            RSAKey rotated = SampleIdToken.deterministicKey("bench-key-2", 43L);
            idp.publish(rotated);
            ((OfflineTokenEndpointBackend) scene.backend()).answerWith(
                    LoopbackIdp.tokenResponse(SampleIdToken.sign(SampleIdToken.claims().build(), rotated)));
            phases.put("afterRotation", phase(idp, logins, threads, login));
            return phases;
        }
    }

    static Map<String, Phase> spring(int logins, int threads) throws InterruptedException {
        try (LoopbackIdp idp = new LoopbackIdp()) {
            SpringIdTokenCheck check = SpringIdTokenCheck.perLogin(idp.jwksUri(), idp.tokenUri());
            Map<String, Phase> phases = new LinkedHashMap<>();
            phases.put("stableKey", phase(idp, logins, threads, () -> check.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE)));
            RSAKey rotated = SampleIdToken.deterministicKey("bench-key-2", 43L);
            idp.publish(rotated);
            String token = SampleIdToken.sign(SampleIdToken.claims().build(), rotated);
            phases.put("afterRotation", phase(idp, logins, threads, () -> check.check(token, SampleIdToken.RAW_NONCE)));
            return phases;
        }
    }

    /** Runs {@code logins} logins over {@code threads} threads started together; counts failures and fetches. */
    static Phase phase(LoopbackIdp idp, int logins, int threads, Runnable login) throws InterruptedException {
        int fetchesBefore = idp.jwksFetches();
        ConcurrentLogins.Run run = ConcurrentLogins.run(logins, threads, login);
        idp.forgetRequests();
        return new Phase(logins, run.failures(), idp.jwksFetches() - fetchesBefore, run.seconds());
    }
}
