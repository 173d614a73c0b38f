package io.gatehouse.sso.core.mail;

/** A mail could not be sent (server down, refused, misconfigured). The message never holds the SMTP password. */
public class MailException extends Exception {
    public MailException(String message) {
        super(message);
    }

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
