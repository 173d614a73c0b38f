package io.gatehouse.sso.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring Boot login load's section of RESULTS.md: both rows, and the ratio and JWKS figures the targets name. */
class SpringBootLoadTableTest {

    @Test
    void rendersBothApplicationsTheRatioAndGatehousesJwksDownloads() throws Exception {
        String json = "{\"threads\": 4, \"warmupSeconds\": 10, \"seconds\": 20, \"jvmOptions\": \"-Xmx512m\", \"users\": 200,"
                + " \"apps\": [{\"app\": \"Gatehouse\", \"signIns\": 1200, \"failed\": 0, \"warmupFailed\": 1, \"perSecond\": 60.0,"
                + " \"p50Millis\": 50.5, \"p99Millis\": 120.25, \"jwksDownloads\": 1, \"jwksPer1000\": 0.6},"
                + " {\"app\": \"Spring\", \"signIns\": 600, \"failed\": 0, \"warmupFailed\": 0, \"perSecond\": 30.0,"
                + " \"p50Millis\": 100.0, \"p99Millis\": 300.0, \"jwksDownloads\": 800, \"jwksPer1000\": 1000.0}]}";
        StringBuilder md = new StringBuilder();

        SpringBootLoadTable.render(md, new ObjectMapper().readTree(json));

        assertThat(md.toString())
                .contains("| Gatehouse | 1200 | 1 | 60.00 | 50.50 | 120 | 1 | 0.60 |")
                .contains("| Spring | 600 | 0 | 30.00 | 100 | 300 | 800 | 1,000 |")
                .contains("sign-ins/s: **2.00** (target ≥ 2)")
                .contains("JWKS downloads for the whole run: **1** (target 1)");
    }

    @Test
    void saysSoWhenTheLoadDidNotRun() {
        StringBuilder md = new StringBuilder();

        SpringBootLoadTable.render(md, null);

        assertThat(md.toString()).contains("Not run");
    }
}
