package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.FailureLog;
import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.mail.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * A {@link Mailer} that sends through an SMTP server with Jakarta Mail (Angus Mail): a
 * multipart/alternative message with a text and an HTML part in UTF-8, over plain SMTP, STARTTLS or
 * implicit TLS, with connect, read and write time-outs so a dead server never holds a request thread.
 * Every failure is a {@link MailException} whose message says what to check and never holds the password.
 * Thread-safe; one instance serves the application.
 *
 * <pre>{@code
 * GatehouseConfig config = GatehouseConfig.read(values);
 * LoginEngine engine = LoginEngine.builder(config)
 *         .mailer(SmtpMailer.from(config.values()))   // or the host's own Mailer
 *         ...
 *         .build();
 * }</pre>
 */
public final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    /**
     * A mailer for these settings; when they are not {@linkplain SmtpSettings#configured() configured} it refuses to
     * send.
     *
     * @param settings the SMTP settings
     */
    public SmtpMailer(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // no Authenticator: credentials go to Transport.connect, so they never sit in a shared Session
        this.session = Session.getInstance(properties(settings));
        this.from = settings.configured() ? parseSender(settings.sender()) : null;
    }

    /**
     * Reads {@link SmtpSettings} from the start-up values and logs, once, what mail will do (without the
     * password), or which keys to set when mail is not configured.
     *
     * @param values the start-up values
     * @throws io.gatehouse.sso.core.config.ConfigException when a mail key has a bad value
     * @return the mailer
     */
    public static SmtpMailer from(ConfigValues values) {
        SmtpSettings settings = SmtpSettings.read(values);
        if (settings.configured()) {
            LOG.info("Mail: sending through {}:{} ({}) as {}{}", settings.host(), settings.port(), settings.security(),
                    settings.sender(), settings.authenticates() ? ", logging in as " + settings.username() : "");
            if (!settings.trustedHost().isEmpty()) {
                LOG.warn("Mail: the TLS certificate of {} is accepted without checks ({}); prefer adding its CA to the "
                        + "JVM trust store", settings.host(), MailKeys.EMAIL_SSL_TRUST.envName(values.prefix()));
            }
        } else {
            String missing = settings.missing().stream().map(k -> k.envName(values.prefix())).collect(Collectors.joining(" and "));
            LOG.warn("Mail is not configured: set {} (or {} in the config file). Until then SSO registration is refused "
                    + "and no confirmation mail can be sent.", missing,
                    settings.missing().stream().map(ConfigKey::fileKey).collect(Collectors.joining(" and ")));
        }
        return new SmtpMailer(settings);
    }

    /**
     * The settings this mailer sends with; {@link SmtpSettings#toString()} hides the password.
     *
     * @return the settings
     */
    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public boolean isConfigured() {
        return settings.configured();
    }

    @Override
    public void send(MailMessage message) throws MailException {
        Objects.requireNonNull(message, "message");
        requireConfigured();
        MimeMessage mime = compose(message);
        try (Transport transport = connect()) {
            transport.sendMessage(mime, mime.getAllRecipients());
            LOG.debug("Mail \"{}\" sent through {}:{}", message.subject(), settings.host(), settings.port());
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    /**
     * Connects and logs in, then disconnects: lets an admin check the settings ("Ensure that your email
     * setup is correctly configured and operational") without sending anything.
     *
     * @throws MailException when the server cannot be reached or refuses the login
     */
    public void checkConnection() throws MailException {
        requireConfigured();
        try (Transport ignored = connect()) {
            LOG.info("Mail: connected to {}:{}{}", settings.host(), settings.port(),
                    settings.authenticates() ? " and logged in as " + settings.username() : "");
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + settings + "]";
    }

    private void requireConfigured() throws MailException {
        if (!settings.configured()) {
            throw new MailException("Mail is not configured: set " + settings.missing().stream()
                    .map(ConfigKey::envSuffix).collect(Collectors.joining(" and ")) + " (under the configuration prefix)");
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            transport.connect(settings.host(), settings.port(), null, null);
        }
        return transport;
    }

    private MimeMessage compose(MailMessage message) throws MailException {
        InternetAddress to;
        try {
            to = new InternetAddress(message.to(), true);
            to.validate();
        } catch (AddressException e) {
            throw new MailException("The recipient '" + message.to() + "' is not a valid email address", e);
        }
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, to);
            mime.setSubject(settings.subjectPrefix() + message.subject(), UTF_8);
            mime.setSentDate(new Date());
            if (message.html().isEmpty()) {
                mime.setText(message.text(), UTF_8);
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(message.text(), UTF_8);
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.html(), UTF_8, "html");
                // RFC 2046: alternatives in increasing order of preference, so clients show the HTML
                MimeMultipart alternatives = new MimeMultipart("alternative");
                alternatives.addBodyPart(text);
                alternatives.addBodyPart(html);
                mime.setContent(alternatives);
            }
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new MailException("The mail could not be composed: " + e.getMessage(), e);
        }
    }

    /** A message for the admin: what failed, where, and which setting to check. */
    private MailException failure(MessagingException e) {
        String server = "SMTP server " + settings.host() + ":" + settings.port();
        String text;
        if (e instanceof AuthenticationFailedException) {
            text = server + " refused the login of user '" + settings.username() + "' (check "
                    + MailKeys.EMAIL_USERNAME.envSuffix() + " and " + MailKeys.EMAIL_PASSWORD.envSuffix() + "): " + e.getMessage();
        } else if (has(e, UnknownHostException.class)) {
            text = "Unknown SMTP host '" + settings.host() + "' (check " + MailKeys.EMAIL_HOST.envSuffix() + ")";
        } else if (has(e, SocketTimeoutException.class)) {
            text = server + " did not answer within " + settings.timeout().toMillis() + " ms (is it up? the limit is "
                    + MailKeys.EMAIL_TIMEOUT_MS.envSuffix() + ")";
        } else if (has(e, ConnectException.class)) {
            text = server + " refused the connection (is it running, and are " + MailKeys.EMAIL_HOST.envSuffix() + " and "
                    + MailKeys.EMAIL_PORT.envSuffix() + " right?)";
        } else if (has(e, SSLException.class)) {
            text = "TLS with " + server + " failed (" + settings.security() + "): " + rootMessage(e) + " (a certificate the "
                    + "JVM does not trust, or " + MailKeys.EMAIL_SSL.envSuffix() + "/" + MailKeys.EMAIL_TLS.envSuffix()
                    + " not matching the port?)";
        } else if (e instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                && sent.getInvalidAddresses().length > 0) {
            text = server + " refused the address(es) " + List.of(sent.getInvalidAddresses()) + ": " + e.getMessage();
        } else {
            text = "Sending mail through " + server + " failed: " + e.getMessage();
        }
        LOG.debug("{}", scrub(text));
        return new MailException(scrub(text), e);
    }

    private String scrub(String text) {
        // servers do not echo the password, but a message built from their reply must not be trusted to
        return FailureLog.scrub(text, List.of(settings.password()));
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static InternetAddress parseSender(String sender) {
        try {
            return new InternetAddress(sender, true);
        } catch (AddressException e) {
            // SmtpSettings.read validated it; a host building SmtpSettings by hand gets the same check here
            throw new IllegalArgumentException("The sender '" + sender + "' is not a valid email address", e);
        }
    }

    private static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.security() == SmtpSecurity.STARTTLS));
        // without "required", a man in the middle could strip STARTTLS from the server's answer and read the password
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(s.security() == SmtpSecurity.STARTTLS));
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(s.security() == SmtpSecurity.IMPLICIT_TLS));
        if (s.trustedHost().isEmpty()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        } else {
            // the admin exempted exactly this host: its (self-signed) certificate is taken as it is, name included
            p.setProperty("mail.smtp.ssl.trust", s.trustedHost());
            p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        }
        if (!s.sender().isEmpty()) {
            p.setProperty("mail.smtp.from", parseSender(s.sender()).getAddress());
        }
        return p;
    }
}
