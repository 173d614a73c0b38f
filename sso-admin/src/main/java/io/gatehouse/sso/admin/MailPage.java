package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.servlet.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET|POST /mail}: sends a test mail to an address, so the admin sees whether mail (which SSO sign-up
 * needs) works, and if not, why.
 */
final class MailPage {
    private static final Logger LOG = LoggerFactory.getLogger(MailPage.class);

    private MailPage() {
    }

    static void show(AdminExchange ex) throws IOException {
        form(ex, 200, "", null, null);
    }

    static void send(AdminExchange ex) throws IOException {
        String to = ex.param("to");
        if (!EmailAddresses.isValid(to)) {
            form(ex, 400, to, ex.raw("admin.mail.invalid"), null);
            return;
        }
        if (!ex.admin.mailer().isConfigured()) {
            form(ex, 409, to, null, ex.raw("admin.mail.not_configured"));
            return;
        }
        try {
            ex.admin.mailer().send(new MailMessage(to, ex.raw("admin.mail.subject"), ex.raw("admin.mail.body"),
                    "<p>" + ex.t("admin.mail.body") + "</p>"));
            LOG.info("Admin sent a test mail");
            form(ex, 200, to, null, ex.raw("admin.mail.sent", to));
        } catch (MailException | RuntimeException e) {
            LOG.warn("The admin's test mail could not be sent: {}", e.toString());
            form(ex, 502, to, null, ex.raw("admin.mail.failed", e.getMessage()));
        }
    }

    private static void form(AdminExchange ex, int status, String to, String error, String outcome) throws IOException {
        String html = "<h1>" + ex.t("admin.mail.title") + "</h1><p class=\"hint\">" + ex.t("admin.mail.intro") + "</p>"
                + (outcome == null ? "" : "<p class=\"" + (status == 200 ? "notice" : "warning") + "\" role=\""
                + (status == 200 ? "status" : "alert") + "\" id=\"mail-outcome\">" + Html.escape(outcome) + "</p>")
                + Fields.errorSummary(ex, error == null ? Map.of() : Map.of("to", error))
                + "<form class=\"form\" method=\"post\" action=\"" + Html.escape(ex.path("/mail")) + "\" novalidate>" + ex.csrfField()
                + "<div class=\"field\"><label for=\"f-to\">" + ex.t("admin.mail.to") + "</label><input type=\"email\" id=\"f-to\""
                + " name=\"to\" autocomplete=\"email\" value=\"" + Html.escape(to) + "\""
                + (error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"f-to-error\"") + ">"
                + (error == null ? "" : "<p class=\"field-error\" id=\"f-to-error\">" + Html.escape(error) + "</p>")
                + "</div><p><button type=\"submit\" id=\"send-mail\">" + ex.t("admin.mail.send") + "</button></p></form>";
        ex.page(status, ex.t("admin.mail.title"), html);
    }
}
