package io.gatehouse.sso.core;

import io.gatehouse.sso.core.i18n.Messages;
import io.gatehouse.sso.core.mail.MailMessage;

import java.util.Locale;

/**
 * The mail with a new user's confirmation link, written in the reader's language from the message bundles
 * ({@code mail.confirmation.*}), so a host rewords or translates it with a {@code gatehouse-messages} file.
 * The HTML part says its language, so a screen reader in the mail client reads it right.
 *
 * @param messages where the texts come from
 */
record ConfirmationMail(Messages messages) {

    /** The mail to {@code to}, greeting {@code username}, carrying {@code link}. */
    MailMessage to(String to, String username, String link, Locale locale) {
        String greeting = messages.text(locale, "mail.confirmation.greeting", username);
        String intro = messages.text(locale, "mail.confirmation.intro");
        String outro = messages.text(locale, "mail.confirmation.outro");
        String text = greeting + "\n\n" + intro + "\n\n" + link + "\n\n" + outro + "\n";
        String html = "<div lang=\"" + html(locale.toLanguageTag()) + "\"><p>" + html(greeting) + "</p><p>" + html(intro) + "</p>"
                + "<p><a href=\"" + html(link) + "\">" + html(messages.text(locale, "mail.confirmation.link")) + "</a></p>"
                + "<p>" + html(outro) + "</p></div>";
        return new MailMessage(to, messages.text(locale, "mail.confirmation.subject"), text, html);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
