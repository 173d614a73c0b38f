package io.gatehouse.sso.core.mail;

import java.util.Objects;

/**
 * One mail to send: a text part and an HTML part.
 *
 * @param to      recipient address
 * @param subject subject line
 * @param text    plain text body
 * @param html    HTML body
 */
public record MailMessage(String to, String subject, String text, String html) {
    /**
     * Requires {@code to} and {@code subject}; {@code null} bodies are empty.
     *
     * @param to recipient address
     * @param subject subject line
     * @param text plain text body
     * @param html HTML body
     */
    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        text = text == null ? "" : text;
        html = html == null ? "" : html;
    }
}
