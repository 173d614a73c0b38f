package io.gatehouse.sso.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's own mail server: GreenMail's SMTP in this JVM, accepting mail for any address without a login.
 * The admin's inbox page lists what it received, so SSO registration (which needs configured mail) and
 * confirmation mails work with no outside service.
 *
 * <pre>{@code
 * try (DemoMailbox mailbox = DemoMailbox.start("localhost", 8025)) {
 *     // point SSO_EMAIL_HOST / SSO_EMAIL_PORT at it, then:
 *     List<DemoMail> newestFirst = mailbox.messages();
 * }
 * }</pre>
 */
public final class DemoMailbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoMailbox.class);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final GreenMail greenMail;
    private final String host;

    private DemoMailbox(GreenMail greenMail, String host) {
        this.greenMail = greenMail;
        this.host = host;
    }

    /**
     * Starts SMTP.
     *
     * @param bindAddress host name or address to listen on
     * @param port        port, or 0 for any free one
     */
    public static DemoMailbox start(String bindAddress, int port) {
        ServerSetup setup = new ServerSetup(port, bindAddress, ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo mail server cannot listen on " + bindAddress + ":" + port
                    + " (set DEMO_SMTP_PORT to a free port, or configure SSO_EMAIL_HOST for a real server)", e);
        }
        DemoMailbox mailbox = new DemoMailbox(greenMail, bindAddress);
        LOG.info("Demo mail server (GreenMail SMTP) listening on {}:{}", bindAddress, mailbox.port());
        return mailbox;
    }

    /** The SMTP host to configure as {@code EMAIL_HOST}. */
    public String host() {
        return host;
    }

    /** The SMTP port. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received since start, newest first. */
    public List<DemoMail> messages() {
        List<MimeMessage> received = new ArrayList<>(Arrays.asList(greenMail.getReceivedMessages()));
        List<DemoMail> mails = new ArrayList<>();
        for (int i = received.size() - 1; i >= 0; i--) {
            mails.add(read(received.get(i)));
        }
        return mails;
    }

    private static DemoMail read(MimeMessage message) {
        try {
            List<String> to = new ArrayList<>();
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            if (recipients != null) {
                for (Address a : recipients) {
                    to.add(a.toString());
                }
            }
            Address[] from = message.getFrom();
            String text = text(message);
            Instant sent = message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
            return new DemoMail(from == null || from.length == 0 ? "" : from[0].toString(), to,
                    message.getSubject() == null ? "" : message.getSubject(), sent, text, links(text));
        } catch (MessagingException | IOException e) {
            return new DemoMail("", List.of(), "(this mail cannot be read: " + e.getClass().getSimpleName() + ")",
                    Instant.now(), "", List.of());
        }
    }

    /** The text/plain part; a text/html part with its tags stripped when there is no plain one. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("text/plain")) {
                    return String.valueOf(body.getContent());
                }
                if (html == null) {
                    String nested = text(body);
                    if (!nested.isEmpty()) {
                        html = nested;
                    }
                }
            }
            return html == null ? "" : html;
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("<[^>]*>", " ").replaceAll("[ \\t]+", " ").trim();
        }
        return "";
    }

    private static List<String> links(String text) {
        LinkedHashSet<String> links = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(m.group());
        }
        return List.copyOf(links);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
