package io.gatehouse.sso.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SMTP AUTH: the login works, a refusal is typed, and the password never leaks. */
class SmtpAuthTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final String WRONG = "wrong-staple-7741";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", PASSWORD));

    private static SmtpMailer mailer(String password) {
        return SmtpMailerTest.mailer(SMTP.getSmtp().getBindTo(), SMTP.getSmtp().getPort(),
                "SSO_EMAIL_USERNAME", "mailer", "SSO_EMAIL_PASSWORD", password);
    }

    private static final MailMessage MAIL = new MailMessage("ada@example.org", "Hi", "text", "<p>html</p>");

    @Test
    void logsInWithTheConfiguredUsernameAndPassword() throws Exception {
        mailer(PASSWORD).send(MAIL);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRefusedLoginIsAMailExceptionThatNamesTheKeysButNotThePassword() {
        MailException e = catchThrowableOfType(MailException.class, () -> mailer(WRONG).send(MAIL));

        assertThat(e).hasMessageContaining("refused the login of user 'mailer'")
                .hasMessageContaining("EMAIL_USERNAME").hasMessageContaining("EMAIL_PASSWORD");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(WRONG);
            assertThat(t.toString()).doesNotContain(WRONG);
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void thePasswordNeverReachesTheLog() throws IOException {
        catchThrowableOfType(MailException.class, () -> mailer(WRONG).send(MAIL));
        catchThrowableOfType(MailException.class, () -> mailer(WRONG).checkConnection());

        // surefire sends every log line of the test run to one file (see the parent pom)
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assumeTrue(logFile != null && Files.isRegularFile(Path.of(logFile)), "log file configured by surefire");
        String log = Files.readString(Path.of(logFile));
        assertThat(log).contains("Mail: sending through").doesNotContain(WRONG).doesNotContain(PASSWORD);
    }
}
