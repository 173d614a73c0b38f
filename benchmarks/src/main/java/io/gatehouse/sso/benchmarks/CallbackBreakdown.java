package io.gatehouse.sso.benchmarks;

import java.util.Optional;

/**
 * The RESULTS.md section that takes the offline callback apart ({@link CallbackPartsBenchmarks}): each step's time
 * and allocation, its share of the callback, whose work it is, and what the steps do not account for; then the
 * callback's allocation without what the benchmark itself spends preparing each callback.
 *
 * <pre>{@code
 * new CallbackBreakdown(table).render(md);
 * }</pre>
 */
final class CallbackBreakdown {
    /** Step benchmark, label, whose work it mostly is; "of which" rows are inside the row before them. */
    private static final String[][] STEPS = {
            {"partCookieUnseal", "transaction cookie opened (JWE parse, A256GCM, claims)", "Nimbus JWE + JDK AES-GCM"},
            {"partReplayGuard", "state digest + replay guard (the callback digests the state twice)", "JDK SHA-256, Gatehouse"},
            {"partAppSelection", "app selection (the login's app, its settings)", "Gatehouse + the app store"},
            {"partTokenRequest", "token request built (client authentication, code, PKCE)", "Nimbus"},
            {"partTokenResponse", "token response read (JSON, tokens, ID token parsed as a JWS)", "Nimbus"},
            {"partIdTokenClaimsParse", "ID token claims parsed (Base64URL, JSON, claims set)", "Nimbus"},
            {"partIdTokenChecks", "ID token verified (algorithm policy, key lookup, signature, claims checks)", "Nimbus + JDK RSA, Gatehouse's checks"},
            {"partKeyLookup", "… of which: key lookup in the JWKS cache", "Gatehouse's cache over Nimbus's source"},
            {"partSignature", "… of which: RS256 signature (Nimbus's verifier, JCA)", "JDK RSA"},
            {"partProfile", "claims map + profile", "Gatehouse"},
            {"partAccountStore", "account resolution's store calls (find, find user, record login)", "the in-memory stores (testkit)"},
    };
    static final double ALLOCATION_TARGET = 50 * 1024;

    private final ResultsTable table;

    CallbackBreakdown(ResultsTable table) {
        this.table = table;
    }

    void render(StringBuilder md) {
        Optional<ResultsTable.Row> callback = table.find("gatehouseCallbackOffline", 1);
        Optional<ResultsTable.Row> floor = table.find("rawSignatureFloor", 1);
        if (table.find("partCookieUnseal", 1).isEmpty()) {
            return;
        }
        md.append("### Where the callback's time and allocation go (2a taken apart)\n\n");
        md.append("Each step of the offline callback measured alone (`CallbackPartsBenchmarks`, one thread), through the same code ")
                .append("the engine calls. Alone, a step runs with warmer caches than inside the callback, so the steps add up to ")
                .append("less than the callback; the difference is the last line.\n\n");
        md.append("| step | µs/op ± error | × raw floor | share of 2a | alloc B/op | whose work |\n| --- | --- | --- | --- | --- | --- |\n");
        double sumMicros = 0;
        double sumAlloc = 0;
        for (String[] step : STEPS) {
            Optional<ResultsTable.Row> row = table.find(step[0], 1);
            if (row.isEmpty()) {
                continue;
            }
            ResultsTable.Row r = row.get();
            if (!step[1].startsWith("…")) {
                sumMicros += r.score();
                sumAlloc += r.allocBytesPerOp();
            }
            md.append("| ").append(step[1]).append(" (`").append(step[0]).append("`) | ").append(ResultsTable.scoreWithError(r))
                    .append(" | ").append(floor.map(f -> ResultsTable.fmt(r.score() / f.score())).orElse(""))
                    .append(" | ").append(callback.map(c -> percent(r.score() / c.score())).orElse(""))
                    .append(" | ").append(ResultsTable.fmt(r.allocBytesPerOp())).append(" | ").append(step[2]).append(" |\n");
        }
        double steps = sumMicros;
        md.append("| **sum of the steps** | ").append(ResultsTable.fmt(steps)).append(" | ")
                .append(floor.map(f -> ResultsTable.fmt(steps / f.score())).orElse("")).append(" | ")
                .append(callback.map(c -> percent(steps / c.score())).orElse("")).append(" | ").append(ResultsTable.fmt(sumAlloc))
                .append(" | |\n");
        callback.ifPresent(c -> md.append("| the rest: the engine between the steps, and the steps' colder caches inside the callback | ")
                .append(ResultsTable.fmt(c.score() - steps)).append(" | ")
                .append(floor.map(f -> ResultsTable.fmt((c.score() - steps) / f.score())).orElse("")).append(" | ")
                .append(percent((c.score() - steps) / c.score())).append(" | | Gatehouse |\n"));
        md.append('\n');
        allocation(md, callback);
    }

    private void allocation(StringBuilder md, Optional<ResultsTable.Row> callback) {
        Optional<ResultsTable.Row> preparation = table.find("callbackPreparation", 1);
        if (callback.isEmpty() || preparation.isEmpty()) {
            return;
        }
        double own = callback.get().allocBytesPerOp() - preparation.get().allocBytesPerOp();
        md.append("**Allocation per callback.** JMH counts every byte allocated during an iteration, including the ")
                .append("per-invocation set-up that seals each callback's fresh transaction cookie outside the timed region. ")
                .append("Without it:\n\n");
        md.append("| | alloc B/op | target |\n| --- | --- | --- |\n");
        md.append("| 2a as JMH counts it (`gatehouseCallbackOffline`) | ").append(ResultsTable.fmt(callback.get().allocBytesPerOp()))
                .append(" | |\n");
        md.append("| the benchmark's preparation of one callback (`callbackPreparation`) | ")
                .append(ResultsTable.fmt(preparation.get().allocBytesPerOp())).append(" | |\n");
        md.append("| **the engine's own allocation per callback** | **").append(ResultsTable.fmt(own)).append("** | ≤ 50 KB (")
                .append(ResultsTable.fmt(ALLOCATION_TARGET)).append(" B): ").append(own <= ALLOCATION_TARGET ? "met" : "not met")
                .append(" |\n\n");
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f%%", share * 100);
    }
}
