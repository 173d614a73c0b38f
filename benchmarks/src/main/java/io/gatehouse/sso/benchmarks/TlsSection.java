package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * The RESULTS.md section on the callback over TLS: the JMH rows of {@link TlsCallbackBenchmarks} (old client, old
 * client with a new connection per call, new client) and the connection counts of {@link TlsConnectionCount}.
 *
 * <pre>{@code
 * new TlsSection(table).render(md, tlsJson);
 * }</pre>
 */
final class TlsSection {
    private static final String[][] ROWS = {
            {"tlsCallbackOldClient", "old client (`HttpURLConnection`, `disconnect()` after each call), logins back to back"},
            {"tlsCallbackOldClientNewConnections", "old client, a new connection for every call (logins more than 5 s apart)"},
            {"tlsCallbackNewClient", "new client (`IdpHttpClient`: one JDK `HttpClient`, kept-alive connections)"},
    };

    private final ResultsTable table;

    TlsSection(ResultsTable table) {
        this.table = table;
    }

    void render(StringBuilder md, JsonNode counts) {
        md.append("## 9. The callback over TLS: the old HTTP client and the new one\n\n");
        md.append("`completeLogin` with the real code exchange against a loopback IdP over https (a self-signed RSA 2048 ")
                .append("certificate made at set-up, trusted through the engine's TLS context), userinfo on: two calls to the IdP ")
                .append("per login. The IdP runs in the same JVM, so its side of every TLS handshake shares the CPUs.\n\n");
        Optional<ResultsTable.Row> fresh = table.find("tlsCallbackNewClient", 1);
        md.append("| client | µs/op ± error | median | alloc B/op | ÷ new client |\n| --- | --- | --- | --- | --- |\n");
        for (String[] row : ROWS) {
            table.find(row[0], 1).ifPresent(r -> md.append("| ").append(row[1]).append(" (`").append(row[0]).append("`) | ")
                    .append(ResultsTable.scoreWithError(r)).append(" | ").append(ResultsTable.fmt(r.median())).append(" | ")
                    .append(ResultsTable.fmt(r.allocBytesPerOp())).append(" | ")
                    .append(fresh.map(n -> ResultsTable.ratio(r, n)).orElse("")).append(" |\n"));
        }
        md.append('\n');
        connections(md, counts);
    }

    private static void connections(StringBuilder md, JsonNode counts) {
        md.append("**TCP connections (each a TLS handshake) the IdP accepted** (`TlsConnectionCount`): back to back, logins ")
                .append("spread over ").append(counts == null ? "?" : counts.path("threads").asInt())
                .append(" threads started together; spaced, one login every ")
                .append(counts == null ? "?" : counts.path("spacingSeconds").asLong())
                .append(" s, longer than the 5 s for which `HttpURLConnection` keeps an idle connection.\n\n");
        if (counts == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("| client | phase | logins | failed | token calls | userinfo calls | connections | per login | seconds | target |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String client : new String[] {"oldClient", "newClient"}) {
            for (String phase : new String[] {"backToBack", "spaced"}) {
                JsonNode p = counts.path(client).path(phase);
                if (p.isMissingNode()) {
                    continue;
                }
                int logins = p.path("logins").asInt();
                int connections = p.path("connections").asInt();
                md.append("| ").append(client.equals("oldClient") ? "old" : "new").append(" | ")
                        .append(phase.equals("spaced") ? "spaced" : "back to back").append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", logins)).append(" | ").append(p.path("failures").asInt())
                        .append(" | ").append(p.path("tokenRequests").asInt()).append(" | ").append(p.path("userInfoRequests").asInt())
                        .append(" | **").append(connections).append("** | ")
                        .append(logins == 0 ? "n/a" : ResultsTable.fmt((double) connections / logins)).append(" | ")
                        .append(ResultsTable.fmt(p.path("seconds").asDouble())).append(" | ")
                        .append(client.equals("newClient") ? "a handful" : "").append(" |\n");
            }
        }
        md.append('\n');
    }
}
