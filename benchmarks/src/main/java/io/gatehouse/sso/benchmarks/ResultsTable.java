package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.benchmarks.cluster.LoadReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a JMH JSON result ({@code -rf json}), the {@link JwksFetchCount} and {@link PendingLoginHeap} outputs
 * and a few facts about the machine into {@code benchmarks/RESULTS.md}: one table per question of the
 * benchmark issue, with JMH's 99.9% confidence half-width as the error bar, the median of the measurement
 * iterations, and the ratios the targets are stated in (error bars of ratios are propagated from both sides).
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.gatehouse.sso.benchmarks.ResultsTable --jmh jmh.json --jwks jwks.json --heap heap.json \
 *      --command "bash benchmarks/run.sh" --load-start "1.2 0.9 0.7" --out benchmarks/RESULTS.md
 * # --load-end defaults to the load average now; --note adds a sentence at the top; --smoke true labels a smoke run
 * }</pre>
 */
public final class ResultsTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JMH result row. */
    record Row(String method, int threads, Map<String, String> params, double score, double error, double median,
               String unit, double allocBytesPerOp) {

        /** Half-width over score; NaN when JMH could not compute one (a single iteration). */
        double relativeError() {
            return error / score;
        }
    }

    private final List<Row> rows;
    private boolean smoke;
    private final JsonNode jmh;
    private final JsonNode first;

    ResultsTable(JsonNode jmh) {
        this.rows = new ArrayList<>();
        for (JsonNode b : jmh) {
            String name = b.get("benchmark").asText();
            JsonNode pm = b.get("primaryMetric");
            Map<String, String> params = new java.util.LinkedHashMap<>();
            b.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
            rows.add(new Row(name.substring(name.lastIndexOf('.') + 1), b.get("threads").asInt(), params,
                    number(pm.get("score")), number(pm.get("scoreError")),
                    number(pm.path("scorePercentiles").path("50.0")), pm.get("scoreUnit").asText(),
                    alloc.isMissingNode() ? Double.NaN : number(alloc.get("score"))));
        }
        this.jmh = jmh;
        this.first = jmh.size() > 0 ? jmh.get(0) : JSON.createObjectNode();
    }

    private static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Double.NaN;
        }
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    /** The outputs of the probes that count or time outside JMH; each may be null (not run). */
    record Probes(JsonNode jwks, JsonNode heap, JsonNode cpu, JsonNode tls, JsonNode springBoot) {
        static final Probes NONE = new Probes(null, null, null, null, null);
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = Options.parse(args);
        ResultsTable table = new ResultsTable(JSON.readTree(Path.of(o.get("jmh")).toFile()));
        Probes probes = new Probes(probe(o, "jwks"), probe(o, "heap"), probe(o, "cpu"), probe(o, "tls"), probe(o, "springboot"));
        String md = table.render(probes, o.getOrDefault("command", "bash benchmarks/run.sh"),
                o.getOrDefault("jmh-command", "?"), o.getOrDefault("load-start", "?"),
                o.getOrDefault("load-end", loadAverage()), o.getOrDefault("note", ""),
                Boolean.parseBoolean(o.getOrDefault("smoke", "false")));
        // the load harness's section (benchmarks/load.sh) stays when the JMH tables are rewritten
        Path out = Path.of(o.getOrDefault("out", "RESULTS.md"));
        JsonNode load = LoadReport.read(o.get("load"));
        md = load != null ? LoadReport.withSection(md, LoadReport.section(load, JSON.readTree(Path.of(o.get("jmh")).toFile()), probes.cpu()))
                : LoadReport.carriedOver(out, md);
        Files.writeString(out, md);
        System.out.println("wrote " + out);
    }

    private static JsonNode probe(Map<String, String> options, String name) throws IOException {
        return options.containsKey(name) && Files.exists(Path.of(options.get(name))) ? JSON.readTree(Path.of(options.get(name)).toFile()) : null;
    }

    Optional<Row> find(String method, int threads) {
        return rows.stream().filter(r -> r.method().equals(method) && r.threads() == threads).findFirst();
    }

    List<Row> all(String method) {
        return rows.stream().filter(r -> r.method().equals(method))
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.params().getOrDefault("size", "0")),
                        Integer.parseInt(b.params().getOrDefault("size", "0"))))
                .toList();
    }

    String render(Probes probes, String command, String jmhCommand, String loadStart, String loadEnd, String note, boolean smoke) {
        this.smoke = smoke;
        StringBuilder md = new StringBuilder();
        md.append("# Gatehouse benchmark results\n\n");
        if (smoke) {
            md.append("> **Smoke run, machine loaded (load average ").append(loadStart).append(" at start, ").append(loadEnd)
                    .append(" at end, on ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs).** ")
                    .append("Iterations were cut far below the defaults and other builds shared the CPUs, so these numbers only show ")
                    .append("that every benchmark runs and roughly where it lands. The callback benchmarks need several seconds of JIT ")
                    .append("warm-up, so short warm-ups inflate them most; the CPU-time cross-check (interleaved, CPU time) is the better ")
                    .append("guide to a smoke run's ratios. Re-run `bash benchmarks/run.sh` with its defaults on a quiet machine before ")
                    .append("quoting any JMH number.\n\n");
        }
        if (!smoke && (busy(loadStart) || busy(loadEnd))) {
            md.append("> **Machine loaded (load average ").append(loadStart).append(" at start, ").append(loadEnd)
                    .append(" at end, on ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs).** ")
                    .append("Other processes shared the CPUs during this run: error bars are wider than on a quiet machine and the ")
                    .append("two-thread rows competed with them. Compare with the CPU-time cross-check, and re-run `bash benchmarks/run.sh` ")
                    .append("on a quiet machine before quoting.\n\n");
        }
        if (!note.isBlank()) {
            md.append("> ").append(note).append("\n\n");
        }
        machine(md, command, jmhCommand, loadStart, loadEnd);
        callbacks(md);
        new CallbackBreakdown(this).render(md);
        cpu(md, probes.cpu());
        jwks(md, probes.jwks());
        begin(md);
        groups(md);
        heap(md, probes.heap());
        SpringBootLoadTable.render(md, probes.springBoot());
        new TlsSection(this).render(md, probes.tls());
        reading(md);
        return md.toString();
    }

    private void machine(StringBuilder md, String command, String jmhCommand, String loadStart, String loadEnd) {
        md.append("## Machine and settings\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| CPUs (`nproc`) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| CPU model | ").append(cpuModel()).append(" |\n");
        md.append("| memory | ").append(memTotal()).append(" |\n");
        md.append("| load average (1, 5, 15 min) | at start ").append(loadStart).append("; at end ").append(loadEnd).append(" |\n");
        md.append("| JDK | ").append(first.path("vmName").asText("?")).append(' ').append(first.path("jdkVersion").asText("?"))
                .append(" (").append(first.path("vmVersion").asText("?")).append(") |\n");
        md.append("| JMH | ").append(first.path("jmhVersion").asText("?")).append(": ").append(settings()).append(" |\n");
        List<String> jvmArgs = new ArrayList<>();
        first.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        md.append("| JVM options | ").append(jvmArgs.isEmpty() ? "JMH defaults (none added)" : "`" + String.join(" ", jvmArgs) + "`").append(" |\n");
        md.append("| command | `").append(command).append("` |\n");
        md.append("| JMH command (run by it) | `").append(jmhCommand).append("` |\n\n");
        md.append("Error bars are JMH's 99.9% confidence half-widths over all measurement iterations of all forks; ")
                .append("\"median\" is the median iteration. `alloc` is bytes allocated per operation (`-prof gc`).\n\n");
    }

    private void callbacks(StringBuilder md) {
        md.append("## 1–3. The callback: raw floor, Gatehouse, Spring Security 7\n\n");
        md.append("Same ID token (RS256, 2048-bit key, ").append(SampleIdToken.VALUE.length())
                .append(" characters), same JWKS, same claims. Time per callback per thread; lower is better.\n\n");
        md.append("| # | benchmark | threads | µs/op ± error | median | ops/s (all threads) | alloc B/op | × raw floor |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        String[][] order = {
                {"1", "rawSignatureFloor", "raw floor: JCA SHA256withRSA verify"},
                {"2a", "gatehouseCallbackOffline", "Gatehouse callback CPU, no network"},
                {"2b", "gatehouseCallbackLoopback", "Gatehouse callback, loopback token endpoint"},
                {"2c", "gatehouseIdToken", "Gatehouse ID token validation only"},
                {"3", "springIdToken", "Spring Security ID token check as its provider runs it (new decoder per login)"},
                {"3b", "springIdTokenDecoderReused", "Spring Security ID token check, one decoder reused"},
        };
        for (String[] o : order) {
            for (int threads : new int[] {1, 2}) {
                String method = threads == 1 ? o[1] : o[1] + "TwoThreads";
                Optional<Row> row = find(method, threads);
                Optional<Row> floor = find(threads == 1 ? "rawSignatureFloor" : "rawSignatureFloorTwoThreads", threads);
                if (row.isEmpty()) {
                    continue;
                }
                Row r = row.get();
                md.append("| ").append(o[0]).append(" | ").append(o[2]).append(" (`").append(method).append("`) | ").append(threads)
                        .append(" | ").append(scoreWithError(r)).append(" | ").append(fmt(r.median()))
                        .append(" | ").append(fmt(threads * perSecond(r.score(), r.unit())))
                        .append(" | ").append(fmt(r.allocBytesPerOp()))
                        .append(" | ").append(floor.map(f -> ratio(r, f)).orElse("")).append(" |\n");
            }
        }
        md.append("\n**Ratios** (error bars propagated from both measurements):\n\n");
        md.append("| question | 1 thread | 2 threads | target |\n| --- | --- | --- | --- |\n");
        ratioLine(md, "Gatehouse callback CPU (2a) ÷ raw floor (1)", "gatehouseCallbackOffline", "rawSignatureFloor", "≤ 2.0");
        ratioLine(md, "Gatehouse ID token only (2c) ÷ raw floor (1)", "gatehouseIdToken", "rawSignatureFloor", "");
        ratioLine(md, "Spring as its provider runs it (3) ÷ Gatehouse callback CPU (2a)", "springIdToken", "gatehouseCallbackOffline", "");
        ratioLine(md, "Spring, decoder reused (3b) ÷ Gatehouse callback CPU (2a)", "springIdTokenDecoderReused", "gatehouseCallbackOffline", "");
        ratioLine(md, "Spring, decoder reused (3b) ÷ Gatehouse ID token only (2c): like for like", "springIdTokenDecoderReused",
                "gatehouseIdToken", "");
        ratioLine(md, "loopback callback (2b) ÷ offline callback (2a)", "gatehouseCallbackLoopback", "gatehouseCallbackOffline", "");
        md.append('\n');
    }

    private void ratioLine(StringBuilder md, String label, String top, String bottom, String target) {
        md.append("| ").append(label);
        for (int threads : new int[] {1, 2}) {
            String suffix = threads == 1 ? "" : "TwoThreads";
            Optional<Row> a = find(top + suffix, threads);
            Optional<Row> b = find(bottom + suffix, threads);
            md.append(" | ").append(a.isPresent() && b.isPresent() ? ratio(a.get(), b.get()) : "n/a");
        }
        md.append(" | ").append(target).append(" |\n");
    }

    private static void cpu(StringBuilder md, JsonNode cpu) {
        md.append("### CPU-time cross-check (not JMH)\n\n");
        if (cpu == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("The single-threaded operations again, timed in thread CPU time (`ThreadMXBean`) in ").append(cpu.path("rounds").asInt())
                .append(" interleaved rounds of about ").append(cpu.path("roundMillis").asInt())
                .append(" ms each after warm-up rounds; median round, with the fastest and slowest round. Time spent descheduled by ")
                .append("other processes is not counted and load drift hits every operation alike, so on a busy machine these ratios are ")
                .append("the ones to trust; on a quiet one they should agree with JMH's. The allocation is the measuring thread's, in the ")
                .append("timed batches only (so, unlike JMH's, without the callbacks' preparation): it does not depend on load.\n\n");
        md.append("| operation | CPU µs/op (median) | fastest – slowest round | wall µs/op (median) | × raw floor (CPU) | alloc B/op |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        double floor = cpu.path("rawSignatureFloor").path("cpuMicrosMedian").asDouble(Double.NaN);
        String[][] rows = {
                {"rawSignatureFloor", "1 raw floor"},
                {"gatehouseIdToken", "2c Gatehouse ID token only"},
                {"springIdTokenDecoderReused", "3b Spring, decoder reused"},
                {"gatehouseCallbackOffline", "2a Gatehouse callback CPU (offline)"},
                {"beginLogin", "5 begin login"},
        };
        for (String[] row : rows) {
            JsonNode n = cpu.path(row[0]);
            if (n.isMissingNode()) {
                continue;
            }
            double median = n.path("cpuMicrosMedian").asDouble();
            md.append("| ").append(row[1]).append(" (`").append(row[0]).append("`) | ").append(fmt(median)).append(" | ")
                    .append(fmt(n.path("cpuMicrosMin").asDouble())).append(" – ").append(fmt(n.path("cpuMicrosMax").asDouble()))
                    .append(" | ").append(fmt(n.path("wallMicrosMedian").asDouble())).append(" | ")
                    .append(row[0].equals("beginLogin") ? fmt(1e6 / median) + " logins/s per core of CPU" : fmt(median / floor))
                    .append(" | ").append(fmt(n.path("allocBytesPerOp").asDouble(Double.NaN))).append(" |\n");
        }
        double idToken = cpu.path("gatehouseIdToken").path("cpuMicrosMedian").asDouble(Double.NaN);
        double spring = cpu.path("springIdTokenDecoderReused").path("cpuMicrosMedian").asDouble(Double.NaN);
        double callback = cpu.path("gatehouseCallbackOffline").path("cpuMicrosMedian").asDouble(Double.NaN);
        md.append("\nCPU-time ratios: Gatehouse callback (2a) ÷ raw floor = **").append(fmt(callback / floor))
                .append("** (target ≤ 2.0); Spring, decoder reused (3b) ÷ Gatehouse ID token only (2c) = **").append(fmt(spring / idToken))
                .append("**; Spring (3b) ÷ Gatehouse callback (2a) = **").append(fmt(spring / callback)).append("**.\n\n");
    }

    private void begin(StringBuilder md) {
        md.append("## 5. Begin login\n\n");
        md.append("| benchmark | threads | µs/op ± error | median | logins/s per thread | alloc B/op | target |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int threads : new int[] {1, 2}) {
            String method = threads == 1 ? "beginLogin" : "beginLoginTwoThreads";
            find(method, threads).ifPresent(r -> {
                double perSecond = perSecond(r.score(), r.unit());
                md.append("| `").append(method).append("` | ").append(threads).append(" | ").append(scoreWithError(r))
                        .append(" | ").append(fmt(r.median())).append(" | ").append(fmt(perSecond))
                        .append(" | ").append(fmt(r.allocBytesPerOp())).append(" | ≥ 50,000/s per core: ")
                        .append(verdict(perSecond >= 50_000)).append(" |\n");
            });
        }
        md.append("\nWith 2 threads on a 2-CPU machine, logins/s per thread is per core only when nothing else runs.\n\n");
    }

    private void groups(StringBuilder md) {
        md.append("## 6. Group sync\n\n");
        md.append("| benchmark | IdP groups = map entries | ms/op ± error | median | ns per group | alloc B/op | target |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String method : List.of("groupSyncUnchanged", "groupSyncHalfChanged")) {
            for (Row r : all(method)) {
                int size = Integer.parseInt(r.params().getOrDefault("size", "0"));
                double ms = toMillis(r.score(), r.unit());
                md.append("| `").append(method).append("` | ").append(String.format(Locale.ROOT, "%,d", size)).append(" | ")
                        .append(scoreWithError(r)).append(" ").append(r.unit()).append(" | ").append(fmt(r.median()))
                        .append(" | ").append(fmt(ms * 1e6 / size)).append(" | ").append(fmt(r.allocBytesPerOp())).append(" | ")
                        .append(size == 10_000 && method.equals("groupSyncUnchanged") ? "< 10 ms: " + verdict(ms < 10) : "")
                        .append(" |\n");
            }
        }
        md.append("\nLinear means the \"ns per group\" column stays flat as N grows by 10× and 100×.\n\n");
    }

    private static void jwks(StringBuilder md, JsonNode jwks) {
        md.append("## 4. JWKS fetches (a count, not a timing)\n\n");
        if (jwks == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("Counted at the loopback IdP, logins spread over ").append(jwks.path("threads").asInt())
                .append(" threads started together from a cold cache; then the IdP replaces its key and the same number of logins carry ")
                .append("tokens signed by the new key. Spring runs fewer logins: its `OidcIdTokenDecoderFactory` builds a new decoder, ")
                .append("with an empty JWKS cache, for every login, so every login fetches.\n\n");
        md.append("| library | phase | logins | failed | JWKS fetches | seconds | target |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String library : List.of("gatehouse", "spring")) {
            for (String phase : List.of("stableKey", "afterRotation")) {
                JsonNode p = jwks.path(library).path(phase);
                String target = library.equals("gatehouse") ? (phase.equals("stableKey") ? "1 (+ scheduled refreshes: none due, the cache lives 15 min)" : "1 extra") : "";
                md.append("| ").append(library.equals("gatehouse") ? "Gatehouse (`completeLogin`, offline token endpoint)" : "Spring Security 7 (decoder from `OidcIdTokenDecoderFactory` per login, as its provider does)")
                        .append(" | ").append(phase.equals("stableKey") ? "stable key" : "after key rotation")
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", p.path("logins").asInt()))
                        .append(" | ").append(p.path("failures").asInt())
                        .append(" | **").append(p.path("jwksFetches").asInt()).append("**")
                        .append(" | ").append(fmt(p.path("seconds").asDouble()))
                        .append(" | ").append(target).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void heap(StringBuilder md, JsonNode heap) {
        md.append("## 7. Heap retained per login\n\n");
        if (heap == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("Live heap after full collections (`System.gc()` with ").append(heap.path("gc").toString())
                .append(") before and after a batch of logins whose outcomes were dropped.\n\n");
        md.append("| what | logins | live heap before | live heap after | bytes per login | target |\n| --- | --- | --- | --- | --- | --- |\n");
        JsonNode p = heap.path("pending");
        md.append("| pending logins (`beginLogin`, never completed) | ").append(String.format(Locale.ROOT, "%,d", p.path("count").asInt()))
                .append(" | ").append(String.format(Locale.ROOT, "%,d", p.path("usedBefore").asLong()))
                .append(" | ").append(String.format(Locale.ROOT, "%,d", p.path("usedAfter").asLong()))
                .append(" | **").append(fmt(p.path("bytesPerLogin").asDouble())).append("** | 0 |\n");
        JsonNode c = heap.path("completed");
        md.append("| completed callbacks (returning user) | ").append(String.format(Locale.ROOT, "%,d", c.path("count").asInt()))
                .append(" | ").append(String.format(Locale.ROOT, "%,d", c.path("usedBefore").asLong()))
                .append(" | ").append(String.format(Locale.ROOT, "%,d", c.path("usedAfter").asLong()))
                .append(" | **").append(fmt(c.path("bytesPerLogin").asDouble())).append("** | (replay guard, see below) |\n\n");
    }

    private static void reading(StringBuilder md) {
        md.append("## What each number includes\n\n");
        md.append("""
                - **1 raw floor** (`rawSignatureFloor`): `Signature.getInstance("SHA256withRSA")` initialised once per thread with the \
                public key; each operation is `update(signing input)` + `verify(signature)` on bytes decoded in advance. No parsing, \
                no JSON, no key look-up: nothing any library can go below.
                - **2a Gatehouse callback CPU** (`gatehouseCallbackOffline`): the real `LoginEngine.completeLogin` for a returning \
                user on the in-memory stores: settings read, repeated-parameter and state checks, transaction cookie found by \
                name and opened (A256GCM), state compared in constant time, route and replay checks, app selection, the token \
                request built (client authentication, code, PKCE verifier) but **not sent**: the token endpoint's JSON answer is \
                replayed from memory and parsed by Nimbus; then `IdTokenVerifier.verify` with the engine's shared, warm \
                JWKS source (RS256 signature, iss, aud, exp/iat with skew, nonce, sub), profile mapping, and account resolution \
                (`find` by provider and uid, `findById`, `recordLogin` storing claims and tokens). Excluded: the HTTP round trip to \
                the token endpoint, userinfo (off), listeners (none). The fresh state and sealed cookie each callback needs are \
                made outside the measured time.
                - **2b Gatehouse callback over loopback** (`gatehouseCallbackLoopback`): the same with the real `openid_connect` \
                backend, so it adds a real HTTP POST to a MockWebServer token endpoint on 127.0.0.1 in the same JVM (the fake IdP's \
                work shares the same CPUs).
                - **2c Gatehouse ID token only** (`gatehouseIdToken`): `JWTParser.parse` + `IdTokenVerifier.verify`, warm \
                JWKS cache: the part that corresponds to Spring's check.
                - **3 Spring Security 7.1.2 as its provider runs it** (`springIdToken`): \
                `OidcIdTokenDecoderFactory.createDecoder(registration)`, `decode(token)`, `new OidcIdToken(...)`, and the nonce \
                check against SHA-256 of the stored nonce, as `OidcAuthorizationCodeAuthenticationProvider` does for every login. \
                In 7.1.2 the factory no longer caches decoders: each call builds a new `NimbusJwtDecoder` (default \
                `OidcIdTokenValidator`, claim converters) with an empty JWKS cache, so this includes one JWKS download from the \
                loopback IdP per login. Its token response, user info and authorities are not included.
                - **3b Spring Security, decoder reused** (`springIdTokenDecoderReused`): the same check with the first decoder \
                kept (warm JWKS cache), as an application that caches the factory's decoders would run it: Spring's CPU cost.
                - **4 JWKS fetches**: counted by the loopback IdP; Gatehouse through full offline `completeLogin` calls (so through \
                the engine's own JWKS source), Spring through its decoder.
                - **5 begin login** (`beginLogin`): `LoginEngine.beginLogin` with the real backend and the discovery document \
                cached: settings, app selection, state and nonce (256 bits each) and a PKCE verifier from `SecureRandom`, the \
                authorization URL with the S256 challenge, the transaction sealed (A256GCM) into the cookie value.
                - **6 group sync**: `GroupSync.sync` for one login: live settings read (`SSO_GROUP_MAP` JSON parsed once per distinct value), claim read, \
                mapped, current groups read, and the atomic store change when needed. `Unchanged`: the user already has the \
                granted groups. `HalfChanged`: every login removes N/2 groups and adds N/2. Logging at WARN (the per-login INFO \
                line is not measured).
                - **2a taken apart** (`CallbackPartsBenchmarks`, one fork): each step of 2a alone, through the code the engine \
                calls: the cookie opened, a state digest and the replay guard, app selection, the token request built, the token \
                response read (the ID token parsed by Nimbus's JWS parser), the claims parsed, `IdTokenVerifier.verify` on the \
                parsed token (of which the key lookup and Nimbus's RS256 verifier), the claims map and profile, and the store calls \
                of account resolution. `callbackPreparation` is the benchmark's own work per callback (a fresh state, a sealed \
                cookie), which JMH's allocation count of 2a and 2b includes.
                - **9 TLS** (`TlsCallbackBenchmarks`, `TlsConnectionCount`): `completeLogin` against the loopback IdP over https \
                with userinfo on (token and userinfo call per login): the old client (`OldBoundedHttpSender`, sso-core's \
                `BoundedHttpSender` at 5c8cdaa reproduced: `HttpURLConnection` with `disconnect()` after each call) with logins \
                back to back, the old client with every call on a new connection (`-Dhttp.keepAlive=false` in that fork: what \
                happens when logins are more than the JDK's 5-second idle keep-alive apart), and the engine's `IdpHttpClient`. The \
                count is of TCP connections the IdP accepted.
                - **7 heap**: see the table; pending logins should cost nothing because the transaction lives in the cookie. \
                Completed callbacks keep one replay-guard entry (the used state) until the transaction lifetime (10 min) \
                has passed; the in-memory store keeps only the latest claims of the single account.

                Benchmarks run with slf4j-simple at WARN. `Threads` 2 variants share one engine / decoder / JWKS cache between \
                the two threads, like two request threads of one application.
                """);
    }

    // ---- formatting

    /** Met or not; a smoke run's wall-clock numbers decide nothing, so it says so. */
    private String verdict(boolean met) {
        return (met ? "met" : "not met") + (smoke ? " in this smoke run" : "");
    }

    /** The distinct fork / warm-up / measurement settings, with how many benchmarks ran with each. */
    private String settings() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (JsonNode b : jmh) {
            int forks = b.path("forks").asInt();
            String key = forks + (forks == 1 ? " fork" : " forks") + " × (warm-up " + b.path("warmupIterations").asText("?") + " × "
                    + b.path("warmupTime").asText("?") + ", measurement " + b.path("measurementIterations").asText("?") + " × "
                    + b.path("measurementTime").asText("?") + ")";
            counts.merge(key, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, n) -> parts.add(k + " for " + n + (n == 1 ? " benchmark" : " benchmarks")));
        return String.join("; ", parts);
    }

    static String scoreWithError(Row r) {
        return fmt(r.score()) + " ± " + (Double.isNaN(r.error()) ? "n/a" : fmt(r.error()));
    }

    static String ratio(Row top, Row bottom) {
        double ratio = top.score() / bottom.score();
        if (top == bottom) {
            return "1";
        }
        double error = ratio * Math.sqrt(Math.pow(top.relativeError(), 2) + Math.pow(bottom.relativeError(), 2));
        return Double.isNaN(error)
                ? String.format(Locale.ROOT, "%.2f ± n/a", ratio)
                : String.format(Locale.ROOT, "%.2f ± %.2f", ratio, error);
    }

    private static double perSecond(double score, String unit) {
        return 1.0 / (toMillis(score, unit) / 1000.0);
    }

    private static double toMillis(double score, String unit) {
        return switch (unit) {
            case "ns/op" -> score / 1e6;
            case "us/op" -> score / 1e3;
            case "ms/op" -> score;
            case "s/op" -> score * 1e3;
            default -> throw new IllegalArgumentException("unexpected unit " + unit);
        };
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> {
                        long kb = Long.parseLong(l.replaceAll("\\D", ""));
                        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                    }).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** A 1-minute load average above half the CPUs: the run shared the machine. */
    private static boolean busy(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.trim().split("\\s+")[0]) > Runtime.getRuntime().availableProcessors() / 2.0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
