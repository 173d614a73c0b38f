package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link PageRenderer}: small, script-free HTML with stable CSS classes, so a host can brand
 * the pages with a stylesheet alone. Every page's {@code <body>} has the classes {@code gatehouse} and
 * {@code gatehouse-<kind>} ({@code error}, {@code check-mail}, {@code signup}, {@code confirm-email},
 * {@code email-confirmed}); the content sits in {@code <main class="gatehouse-card">}. The texts come from the
 * message bundles ({@code page.*} keys) in the language the servlet chose ({@link SsoServlet#LOCALE_ATTRIBUTE}),
 * which the document's {@code lang} names.
 *
 * <pre>{@code
 * // the stylesheet is same-origin, so the default Content-Security-Policy allows it
 * PageRenderer pages = new MinimalPageRenderer("/app/static/sso.css");
 * }</pre>
 */
public final class MinimalPageRenderer implements PageRenderer {
    private final String stylesheet;
    private final Messages messages;

    /** Pages without a stylesheet. */
    public MinimalPageRenderer() {
        this(null);
    }

    /** @param stylesheet href of a stylesheet every page links, or null */
    public MinimalPageRenderer(String stylesheet) {
        this(stylesheet, Messages.of(SsoServlet.MESSAGES_BUNDLE));
    }

    /**
     * @param stylesheet href of a stylesheet every page links, or null
     * @param messages   where the texts come from (a host with bundles under other names)
     */
    public MinimalPageRenderer(String stylesheet, Messages messages) {
        this.stylesheet = stylesheet == null || stylesheet.isBlank() ? null : stylesheet;
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public String render(Page page, HttpServletRequest request) {
        Texts t = new Texts(messages, request.getAttribute(SsoServlet.LOCALE_ATTRIBUTE) instanceof Locale chosen
                ? chosen : messages.negotiate(request.getHeader("Accept-Language")));
        // Java 17 has no pattern switch: one branch per page kind
        if (page instanceof Page.Error e) {
            return document(t, "error", e.code().startsWith("logout_state_") ? "page.error.title.signed_out" : "page.error.title",
                    "<p class=\"gatehouse-message\">" + Html.escape(e.message()) + "</p>"
                            + "<p class=\"gatehouse-code\">" + t.html("page.error.code") + " <code>" + Html.escape(e.code()) + "</code></p>"
                            + (e.errorLogId() == null ? "" : "<p class=\"gatehouse-reference\">" + t.html("page.error.reference")
                            + " <code>" + Html.escape(e.errorLogId()) + "</code></p>")
                            + link(e.backUrl(), t.html("page.continue")));
        }
        if (page instanceof Page.CheckMail m) {
            return document(t, "check-mail", "page.check_mail.title",
                    "<p class=\"gatehouse-message\">" + (m.mailSent()
                            ? t.html("page.check_mail.sent", "<strong>" + Html.escape(m.email()) + "</strong>")
                            : t.html("page.check_mail.not_sent")) + "</p>"
                            + link(m.backUrl(), t.html("page.continue")));
        }
        if (page instanceof Page.SignupForm f) {
            return document(t, "signup", "page.signup.title", signupForm(t, f));
        }
        if (page instanceof Page.ConfirmEmail c) {
            return document(t, "confirm-email", "page.confirm_email.title",
                    "<p class=\"gatehouse-message\">" + t.html("page.confirm_email.text") + "</p>"
                            + "<form class=\"gatehouse-form\" method=\"post\" action=\"" + Html.escape(c.actionUrl()) + "\">"
                            + hidden(c.hiddenFields())
                            + "<button class=\"gatehouse-button\" type=\"submit\">" + t.html("page.confirm_email.submit") + "</button></form>");
        }
        if (page instanceof Page.EmailConfirmed c) {
            return document(t, "email-confirmed", "page.email_confirmed.title",
                    "<p class=\"gatehouse-message\">" + t.html("page.email_confirmed.text") + "</p>"
                            + link(c.backUrl(), t.html("page.email_confirmed.sign_in")));
        }
        throw new IllegalArgumentException("unknown page " + page.getClass().getName());
    }

    /** The sign-up form; a refused value is announced (alert) and tied to its field. */
    private static String signupForm(Texts t, Page.SignupForm f) {
        String error = f.error() == null ? "" : "<div class=\"gatehouse-form-error\" role=\"alert\" id=\"gatehouse-error\"><p>"
                + t.html("page.signup.problem") + " " + Html.escape(f.error()) + "</p></div>";
        return "<p class=\"gatehouse-message\">" + t.html("page.signup.intro", Html.escape(f.providerName())) + "</p>" + error
                + "<form class=\"gatehouse-form\" method=\"post\" action=\"" + Html.escape(f.actionUrl()) + "\">"
                + hidden(f.hiddenFields())
                + field(t, f, "username", "text", "username", f.values().username(), true)
                + field(t, f, "email", "email", "email", f.values().email(), true)
                + field(t, f, "first_name", "text", "given-name", f.values().firstName(), false)
                + field(t, f, "last_name", "text", "family-name", f.values().lastName(), false)
                + "<button class=\"gatehouse-button\" type=\"submit\">" + t.html("page.signup.submit") + "</button></form>";
    }

    private String document(Texts t, String kind, String titleKey, String body) {
        String title = t.html(titleKey);
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(t.locale().toLanguageTag()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + title + "</title>"
                + (stylesheet == null ? "" : "<link rel=\"stylesheet\" href=\"" + Html.escape(stylesheet) + "\">")
                + "</head><body class=\"gatehouse gatehouse-" + kind + "\"><main class=\"gatehouse-card\">"
                + "<h1 class=\"gatehouse-title\">" + title + "</h1>" + body + "</main></body></html>\n";
    }

    private static String link(String href, String labelHtml) {
        return "<p><a class=\"gatehouse-link\" href=\"" + Html.escape(href) + "\">" + labelHtml + "</a></p>";
    }

    private static String hidden(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
        return out.toString();
    }

    private static String field(Texts t, Page.SignupForm form, String name, String type, String autocomplete, String value,
                                boolean required) {
        boolean invalid = name.equals(form.errorField());
        return "<p class=\"gatehouse-field\"><label for=\"gatehouse-" + name + "\">" + t.html("page.signup." + name) + "</label>"
                + "<input id=\"gatehouse-" + name + "\" name=\"" + name + "\" type=\"" + type + "\" autocomplete=\"" + autocomplete
                + "\" value=\"" + Html.escape(value) + "\"" + (required ? " required" : "")
                + (invalid ? " aria-invalid=\"true\" aria-describedby=\"gatehouse-error\"" : "") + "></p>";
    }

    /** The texts of one page in one language, escaped for HTML; {@code htmlArgs} are markup already escaped. */
    private record Texts(Messages messages, Locale locale) {
        String html(String key, String... htmlArgs) {
            return Messages.format(Html.escape(messages.pattern(locale, key).orElse(key)), (Object[]) htmlArgs);
        }
    }
}
