package io.gatehouse.sso.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Implicit TLS against GreenMail's SMTPS, whose certificate is self-signed and names no host. */
class SmtpsTest {

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    private static final MailMessage MAIL = new MailMessage("ada@example.org", "Over TLS", "text", "<p>html</p>");

    private static SmtpMailer mailer(String... more) {
        return SmtpMailerTest.mailer(SMTPS.getSmtps().getBindTo(), SMTPS.getSmtps().getPort(), more);
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefused() {
        assertThatThrownBy(() -> mailer("SSO_EMAIL_SSL", "true").send(MAIL))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("TLS with SMTP server")
                .hasMessageContaining("certificate");
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }

    @Test
    void theHostNamedInSslTrustIsAcceptedAndTheMailArrives() throws Exception {
        mailer("SSO_EMAIL_SSL", "true", "SSO_EMAIL_SSL_TRUST", SMTPS.getSmtps().getBindTo()).send(MAIL);

        assertThat(SMTPS.getReceivedMessages()).hasSize(1);
        assertThat(SMTPS.getReceivedMessages()[0].getSubject()).isEqualTo("Over TLS");
    }

    @Test
    void plainSmtpAgainstAnSmtpsPortFailsWithinTheTimeout() {
        // the client waits for a greeting while the server waits for a TLS hello
        assertThatThrownBy(() -> mailer("SSO_EMAIL_TIMEOUT_MS", "500").send(MAIL))
                .isInstanceOf(MailException.class);
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }
}
