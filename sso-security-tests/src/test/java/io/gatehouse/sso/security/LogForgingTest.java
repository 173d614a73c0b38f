package io.gatehouse.sso.security;

import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacker writes into our logs through the callback URL (provider id, parameter names, the IdP's
 * {@code error_description}); none of it may start a line of its own that an operator would take for ours.
 */
class LogForgingTest {
    static final String FORGED = "[main] ERROR io.gatehouse.sso.core.LoginEngine - FORGED-LOG-LINE";

    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    static void assertNoForgedLine() throws IOException {
        assertThat(LogScanner.lines(LogScanner.logFile())).noneMatch(line -> line.startsWith(FORGED.substring(0, 10))
                && line.contains("FORGED-LOG-LINE"));
    }

    @Test
    void aProviderIdWithLineBreaksCannotForgeALogLine() throws IOException {
        String route = "openid_connect\r\n" + FORGED + " via route";

        LoginOutcome outcome = bench.engine.completeLogin(route, new CallbackRequest(Map.of("code", List.of("x")), Map.of(),
                EngineFixture.BASE, null));

        assertThat(outcome).isInstanceOf(LoginOutcome.Failed.class);
        assertThat(bench.fx.errors()).allSatisfy(e -> assertThat(e.path()).doesNotContain("\n", "\r"));
        assertNoForgedLine();
    }

    @Test
    void aParameterNameWithLineBreaksCannotForgeALogLine() throws IOException {
        String name = "x\n" + FORGED + " via parameter";

        bench.assertRefused(bench.engine.completeLogin(SecurityBench.ROUTE, new CallbackRequest(Map.of(name, List.of("1", "2")),
                Map.of(), EngineFixture.BASE, null)), FailureCode.IDP_RESPONSE_INVALID);
        assertNoForgedLine();
    }

    @Test
    void anErrorDescriptionWithLineBreaksCannotForgeALogLine() throws IOException {
        SecurityBench.Pending p = bench.begin();

        bench.assertRefused(bench.engine.completeLogin(SecurityBench.ROUTE, new CallbackRequest(Map.of("state", List.of(p.state()),
                "error", List.of("access_denied"), "error_description", List.of("denied\n" + FORGED + " via IdP")), p.cookies(),
                EngineFixture.BASE, null)), FailureCode.CANCELLED);
        assertNoForgedLine();
    }
}
