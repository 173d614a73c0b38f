package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /admin/inbox}: what the demo's own mail server received, newest first, with the links in each
 * mail clickable (a confirmation link, for example). With a real SMTP server configured, it says where mail goes.
 */
final class MailboxServlet extends PageServlet {
    /** Where the inbox is: beside Gatehouse's admin pages, behind the same admin sign-in. */
    static final String PATH = "/admin/inbox";

    MailboxServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder html = new StringBuilder("<h1>Mail</h1>");
        if (demo.mailbox().isEmpty()) {
            html.append("<p class=\"hint\">Mail goes to the SMTP server <code>").append(Html.escape(demo.mailTarget()))
                    .append("</code> (<code>SSO_EMAIL_HOST</code>), so the demo's own inbox is off.</p>");
            page(request, response, 200, "Mail", html.toString());
            return;
        }
        html.append("<p class=\"hint\">The demo's in-JVM mail server (GreenMail, SMTP at <code>")
                .append(Html.escape(demo.mailTarget())).append("</code>) accepts mail for any address and keeps it here "
                        + "until the demo stops.</p>");
        List<DemoMail> mails = demo.mailbox().get().messages();
        if (mails.isEmpty()) {
            html.append("<p class=\"hint\" id=\"no-mail\">No mail yet. Sign up with an email the IdP does not mark verified "
                    + "to get a confirmation mail.</p>");
        }
        for (DemoMail mail : mails) {
            html.append("<article class=\"mail\"><h2 class=\"subject\">").append(Html.escape(mail.subject())).append("</h2>")
                    .append("<p class=\"meta\">To <strong class=\"to\">").append(Html.escape(String.join(", ", mail.to())))
                    .append("</strong> from ").append(Html.escape(mail.from())).append(", ").append(HomeServlet.time(mail.received()))
                    .append("</p><pre class=\"body\">").append(Html.escape(mail.text())).append("</pre>");
            if (!mail.links().isEmpty()) {
                html.append("<p class=\"links\">Links: ");
                for (String link : mail.links()) {
                    html.append("<a class=\"mail-link\" href=\"").append(Html.escape(link)).append("\">").append(Html.escape(link))
                            .append("</a> ");
                }
                html.append("</p>");
            }
            html.append("</article>");
        }
        page(request, response, 200, "Mail", html.toString());
    }
}
