package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * The RESULTS.md section of {@link SpringBootLoginLoad}: the Gatehouse starter against plain Spring Security
 * {@code oauth2Login}, side by side, with the ratio the target is stated in.
 */
final class SpringBootLoadTable {
    private SpringBootLoadTable() {
    }

    static void render(StringBuilder md, JsonNode load) {
        md.append("## 8. Spring Boot: the Gatehouse starter against plain `oauth2Login`\n\n");
        if (load == null) {
            md.append("Not run (`BENCH_SPRING_BOOT_SECONDS=0`).\n\n");
            return;
        }
        md.append("The same login load against `examples/spring-boot-app` and a plain Spring Boot application with ")
                .append("`spring-boot-starter-oauth2-client`'s `oauth2Login`: one loopback mock-oauth2-server for both, each ")
                .append("application in its own JVM (`").append(load.path("jvmOptions").asText()).append("`), ")
                .append(load.path("threads").asInt()).append(" browsers signing in over and over (new session each time: ")
                .append("start, IdP, callback, first page) from a pool of ").append(load.path("users").asInt())
                .append(" users, ").append(load.path("warmupSeconds").asLong()).append(" s warm-up then ")
                .append(load.path("seconds").asLong()).append(" s measured. JWKS downloads count the IdP's answers over the ")
                .append("application's whole run (warm-up included).\n\n");
        md.append("| application | sign-ins | failed | sign-ins/s | p50 ms | p99 ms | JWKS downloads | per 1,000 sign-ins |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (JsonNode app : load.path("apps")) {
            md.append("| ").append(app.path("app").asText()).append(" | ").append(app.path("signIns").asInt())
                    .append(" | ").append(app.path("failed").asInt() + app.path("warmupFailed").asInt())
                    .append(" | ").append(fmt(app.path("perSecond").asDouble()))
                    .append(" | ").append(fmt(app.path("p50Millis").asDouble()))
                    .append(" | ").append(fmt(app.path("p99Millis").asDouble()))
                    .append(" | ").append(app.path("jwksDownloads").asInt())
                    .append(" | ").append(fmt(app.path("jwksPer1000").asDouble())).append(" |\n");
        }
        JsonNode gatehouse = load.path("apps").path(0);
        JsonNode spring = load.path("apps").path(1);
        double ratio = gatehouse.path("perSecond").asDouble() / spring.path("perSecond").asDouble();
        md.append("\nGatehouse ÷ plain Spring Security, sign-ins/s: **").append(fmt(ratio)).append("** (target ≥ 2); ")
                .append("Gatehouse JWKS downloads for the whole run: **").append(gatehouse.path("jwksDownloads").asInt())
                .append("** (target 1).\n\n");
    }

    private static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
