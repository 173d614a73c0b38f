package io.gatehouse.sso.core.mail;

/**
 * Sends mail. As InvenTree documents, SSO registration needs working email: the engine refuses SSO
 * sign-ups while {@link #isConfigured()} is false. The {@code sso-mail} module ships a Jakarta Mail
 * implementation; a host may plug its own.
 *
 * <pre>{@code
 * Mailer none = Mailer.NOT_CONFIGURED;
 * }</pre>
 */
public interface Mailer {

    /**
     * True when the settings needed to send (at least a host and a from address) are present and valid.
     *
     * @return whether sending can be tried
     */
    boolean isConfigured();

    /**
     * Sends one message.
     *
     * @param message the message
     * @throws MailException when it could not be handed to the mail server
     */
    void send(MailMessage message) throws MailException;

    /** A mailer for hosts without email: SSO registration stays closed. */
    Mailer NOT_CONFIGURED = new Mailer() {
        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public void send(MailMessage message) throws MailException {
            throw new MailException("email is not configured");
        }
    };
}
