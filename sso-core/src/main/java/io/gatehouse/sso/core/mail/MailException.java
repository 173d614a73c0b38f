package io.gatehouse.sso.core.mail;

/** A mail could not be sent (server down, refused, misconfigured). The message never holds the SMTP password. */
public class MailException extends Exception {
    /**
     * A message that could not be sent.
     *
     * @param message what failed; never a password
     */
    public MailException(String message) {
        super(message);
    }

    /**
     * A message that could not be sent because of another failure (the SMTP server refused, say).
     *
     * @param message what failed; never a password
     * @param cause the underlying failure
     */
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
