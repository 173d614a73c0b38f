package io.gatehouse.sso.servlet;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/**
 * The default {@link PageRenderer}: small, script-free HTML with stable CSS classes, so a host can brand
 * the pages with a stylesheet alone. Every page's {@code <body>} has the classes {@code gatehouse} and
 * {@code gatehouse-<kind>} ({@code error}, {@code check-mail}, {@code signup}, {@code confirm-email},
 * {@code email-confirmed}); the content sits in {@code <main class="gatehouse-card">}.
 *
 * <pre>{@code
 * // the stylesheet is same-origin, so the default Content-Security-Policy allows it
 * PageRenderer pages = new MinimalPageRenderer("/app/static/sso.css");
 * }</pre>
 */
public final class MinimalPageRenderer implements PageRenderer {
    private final String stylesheet;

    /** Pages without a stylesheet. */
    public MinimalPageRenderer() {
        this(null);
    }

    /** @param stylesheet href of a stylesheet every page links, or null */
    public MinimalPageRenderer(String stylesheet) {
        this.stylesheet = stylesheet == null || stylesheet.isBlank() ? null : stylesheet;
    }

    @Override
    public String render(Page page, HttpServletRequest request) {
        // Java 17 has no pattern switch: one branch per page kind
        if (page instanceof Page.Error e) {
            return document("error", "Sign-in failed",
                    "<h1 class=\"gatehouse-title\">Sign-in failed</h1>"
                            + "<p class=\"gatehouse-message\">" + Html.escape(e.message()) + "</p>"
                            + "<p class=\"gatehouse-code\">Error code: <code>" + Html.escape(e.code()) + "</code></p>"
                            + (e.errorLogId() == null ? "" : "<p class=\"gatehouse-reference\">Reference for your administrator: <code>"
                            + Html.escape(e.errorLogId()) + "</code></p>")
                            + link(e.backUrl(), "Continue"));
        }
        if (page instanceof Page.CheckMail m) {
            return document("check-mail", "Confirm your email address",
                    "<h1 class=\"gatehouse-title\">Confirm your email address</h1>"
                            + (m.mailSent()
                            ? "<p class=\"gatehouse-message\">We sent a confirmation link to <strong>" + Html.escape(m.email())
                            + "</strong>. Open it to activate your account.</p>"
                            : "<p class=\"gatehouse-message\">Your account was created, but the confirmation mail could not be sent. "
                            + "Please contact your administrator.</p>")
                            + link(m.backUrl(), "Continue"));
        }
        if (page instanceof Page.SignupForm f) {
            return document("signup", "Sign up",
                    "<h1 class=\"gatehouse-title\">Sign up</h1>"
                            + "<p class=\"gatehouse-message\">You are signing in with " + Html.escape(f.providerName())
                            + " for the first time. Check your details to create your account.</p>"
                            + (f.error() == null ? "" : "<p class=\"gatehouse-form-error\">" + Html.escape(f.error()) + "</p>")
                            + "<form class=\"gatehouse-form\" method=\"post\" action=\"" + Html.escape(f.actionUrl()) + "\">"
                            + hidden(f.hiddenFields())
                            + field("username", "Username", "text", f.values().username(), true)
                            + field("email", "Email", "email", f.values().email(), true)
                            + field("first_name", "First name", "text", f.values().firstName(), false)
                            + field("last_name", "Last name", "text", f.values().lastName(), false)
                            + "<button class=\"gatehouse-button\" type=\"submit\">Create account</button></form>");
        }
        if (page instanceof Page.ConfirmEmail c) {
            return document("confirm-email", "Confirm your email address",
                    "<h1 class=\"gatehouse-title\">Confirm your email address</h1>"
                            + "<form class=\"gatehouse-form\" method=\"post\" action=\"" + Html.escape(c.actionUrl()) + "\">"
                            + hidden(c.hiddenFields())
                            + "<button class=\"gatehouse-button\" type=\"submit\">Confirm</button></form>");
        }
        if (page instanceof Page.EmailConfirmed c) {
            return document("email-confirmed", "Email address confirmed",
                    "<h1 class=\"gatehouse-title\">Email address confirmed</h1>"
                            + "<p class=\"gatehouse-message\">Your account is active. You can sign in now.</p>"
                            + link(c.backUrl(), "Sign in"));
        }
        throw new IllegalArgumentException("unknown page " + page.getClass().getName());
    }

    private String document(String kind, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + Html.escape(title) + "</title>"
                + (stylesheet == null ? "" : "<link rel=\"stylesheet\" href=\"" + Html.escape(stylesheet) + "\">")
                + "</head><body class=\"gatehouse gatehouse-" + kind + "\"><main class=\"gatehouse-card\">"
                + body + "</main></body></html>\n";
    }

    private static String link(String href, String label) {
        return "<p><a class=\"gatehouse-link\" href=\"" + Html.escape(href) + "\">" + Html.escape(label) + "</a></p>";
    }

    private static String hidden(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
        return out.toString();
    }

    private static String field(String name, String label, String type, String value, boolean required) {
        return "<p class=\"gatehouse-field\"><label for=\"gatehouse-" + name + "\">" + Html.escape(label) + "</label>"
                + "<input id=\"gatehouse-" + name + "\" name=\"" + name + "\" type=\"" + type + "\" value=\""
                + Html.escape(value) + "\"" + (required ? " required" : "") + "></p>";
    }
}
