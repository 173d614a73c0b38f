package io.gatehouse.sso.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The mailer against a real (in-JVM) SMTP server. */
class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final MailMessage WELCOME = new MailMessage("ada@example.org", "Grüße – confirm your address",
            "Hello Ada,\nplease confirm: https://sso.example.com/x\nÄÖÜ ✓", "<p>Hello Ada, <a href=\"https://sso.example.com/x\">confirm</a> ÄÖÜ ✓</p>");

    static SmtpMailer mailer(String host, int port, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("SSO_EMAIL_HOST", host, "SSO_EMAIL_PORT", Integer.toString(port),
                "SSO_EMAIL_SENDER", "Gatehouse <noreply@example.com>"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return SmtpMailer.from(ConfigValues.of("SSO_", env, null, Map.of()));
    }

    private static SmtpMailer greenMailMailer(String... more) {
        return mailer(SMTP.getSmtp().getBindTo(), SMTP.getSmtp().getPort(), more);
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void deliversTheMailToTheRecipientFromTheSender() throws Exception {
        greenMailMailer().send(WELCOME);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("ada@example.org");
        assertThat(received[0].getFrom()).extracting(Object::toString).containsExactly("Gatehouse <noreply@example.com>");
        assertThat(received[0].getSubject()).isEqualTo("Grüße – confirm your address");
    }

    @Test
    void theConfiguredPrefixComesBeforeEverySubject() throws Exception {
        greenMailMailer("SSO_EMAIL_PREFIX", "[InvenTree] ").send(WELCOME);

        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[InvenTree] Grüße – confirm your address");
    }

    @Test
    void sendsTextAndHtmlAsUtf8Alternatives() throws Exception {
        greenMailMailer().send(WELCOME);

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        // SMTP carries lines as CRLF
        assertThat(parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(WELCOME.text());
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(WELCOME.html());
    }

    @Test
    void sendsPlainTextAloneWhenThereIsNoHtml() throws Exception {
        greenMailMailer().send(new MailMessage("ada@example.org", "Plain", "Just text ✓", null));

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(received.getContent()).isEqualTo("Just text ✓");
    }

    @Test
    void aClosedPortIsAMailExceptionThatNamesTheServer() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> mailer("127.0.0.1", port).send(WELCOME))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("refused the connection");
    }

    @Test
    void aServerThatNeverAnswersTimesOutInsteadOfHangingTheThread() throws IOException {
        // the kernel completes the TCP handshake from the backlog; nobody ever sends the SMTP greeting
        try (ServerSocket silent = new ServerSocket(0)) {
            SmtpMailer mailer = mailer("127.0.0.1", silent.getLocalPort(), "SSO_EMAIL_TIMEOUT_MS", "300");

            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> mailer.send(WELCOME))
                            .isInstanceOf(MailException.class)
                            .hasMessageContaining("did not answer within 300 ms")
                            .hasMessageContaining("EMAIL_TIMEOUT_MS"));
        }
    }

    @Test
    void starttlsRequiredWithAServerThatDoesNotOfferItFailsAndSendsNothing() {
        // GreenMail's SMTP does not offer STARTTLS: sending in clear text instead would defeat EMAIL_TLS
        assertThatThrownBy(() -> greenMailMailer("SSO_EMAIL_TLS", "true").send(WELCOME))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsAgainstAPlainServerFails() {
        assertThatThrownBy(() -> greenMailMailer("SSO_EMAIL_SSL", "true", "SSO_EMAIL_TIMEOUT_MS", "2000").send(WELCOME))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("TLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnconfiguredMailerRefusesToSendAndNamesTheKeys() {
        SmtpMailer mailer = SmtpMailer.from(ConfigValues.of("SSO_", Map.of(), null, Map.of()));

        assertThat(mailer.isConfigured()).isFalse();
        assertThatThrownBy(() -> mailer.send(WELCOME))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("EMAIL_HOST").hasMessageContaining("EMAIL_SENDER");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anInvalidRecipientIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> greenMailMailer().send(new MailMessage("not an address", "s", "t", "h")))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("not a valid email address");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void checkConnectionReachesTheServerWithoutSending() throws Exception {
        greenMailMailer().checkConnection();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        int port = closedPort();
        assertThatThrownBy(() -> mailer("127.0.0.1", port).checkConnection()).isInstanceOf(MailException.class);
    }
}
