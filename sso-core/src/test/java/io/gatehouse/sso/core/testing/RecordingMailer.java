package io.gatehouse.sso.core.testing;

import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.mail.Mailer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A configured {@link Mailer} that keeps what it was asked to send (real SMTP is tested in sso-mail). */
public final class RecordingMailer implements Mailer {
    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private volatile boolean configured = true;
    private volatile boolean failing;

    @Override
    public boolean isConfigured() {
        return configured;
    }

    @Override
    public void send(MailMessage message) throws MailException {
        if (failing) {
            throw new MailException("SMTP server refused the connection");
        }
        sent.add(message);
    }

    public RecordingMailer unconfigured() {
        configured = false;
        return this;
    }

    public RecordingMailer failing() {
        failing = true;
        return this;
    }

    public List<MailMessage> sent() {
        return List.copyOf(sent);
    }
}
