package io.gatehouse.sso.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker of {@link LogFileSecrecyTest} can fail: it finds each kind of secret in a synthetic line. */
class LogScannerTest {

    @Test
    void aLineWithAnAccessTokenIsALeak() {
        List<String> lines = List.of("[main] INFO x - ok", "[main] WARN x - token " + Secrets.accessToken() + " refused");

        assertThat(LogScanner.leaks(lines, Secrets.markers())).singleElement().asString()
                .startsWith("line 2 contains '" + Secrets.ACCESS_TOKEN_MARK + "'");
    }

    @Test
    void everyKindOfSecretIsFound() {
        List<String> lines = List.of(Secrets.refreshToken(), "code=" + Secrets.code(), "secret " + Secrets.CLIENT_SECRET,
                "password=" + Secrets.SMTP_PASSWORD, "key " + Secrets.TRANSACTION_KEY);

        assertThat(LogScanner.leaks(lines, Secrets.markers())).hasSize(5);
    }

    @Test
    void cleanLinesAreNoLeak() {
        assertThat(LogScanner.leaks(List.of("[main] WARN io.gatehouse.sso.core.FailureLog - sso.state_mismatch at "
                + "auth:/accounts/openid_connect/login/callback/: (redacted)"), Secrets.markers())).isEmpty();
    }
}
