package io.gatehouse.sso.security;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other class of the suite (junit-platform.properties orders classes by {@link Order}) and
 * reads the whole run's log file: no access token, refresh token, authorization code, client secret, SMTP
 * password or transaction key the suite handed to Gatehouse appears in any line. {@link LogScannerTest}
 * shows the check can fail.
 */
@Order(Integer.MAX_VALUE)
class LogFileSecrecyTest {

    @Test
    void noSecretTheSuiteUsedAppearsInAnyLogLine() throws IOException {
        Path file = LogScanner.logFile();
        assertThat(file).exists();
        List<String> lines = LogScanner.lines(file);

        // the run really was logged here, and this class ran last: UserInfoTest and TokenEndpointTest come after it by name
        assertThat(String.join("\n", lines)).as("log of the suite in %s", file)
                .contains("sso.id_token_signature_invalid", "sso.token_exchange_failed", "sso.transaction_invalid",
                        "sso.callback_replayed", "sso.audience_mismatch", "sso.userinfo_subject_mismatch", "sso.idp_unreachable");
        assertThat(Secrets.issued()).as("codes and tokens the suite issued").isGreaterThan(500);

        assertThat(LogScanner.leaks(lines, Secrets.markers())).as("log lines with a secret in %s", file).isEmpty();
    }
}
