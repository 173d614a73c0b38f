package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;

/**
 * The chrome around every demo page: title, navigation, the sign-out button (Gatehouse's
 * {@code POST /accounts/logout/}, which also signs out at the IdP), and the stylesheet. Content is
 * passed as ready HTML; every piece of user data in it must already be escaped with {@link Html#escape}.
 *
 * <pre>{@code
 * String html = Layout.page(viewer, "Error log", "<h1>Error log</h1>" + table);
 * }</pre>
 */
public final class Layout {
    /** Where the stylesheet is served (also used by Gatehouse's own pages). */
    public static final String STYLESHEET = "/static/demo.css";

    private Layout() {
    }

    /** A complete HTML document. */
    public static String page(Viewer viewer, String title, String content) {
        StringBuilder nav = new StringBuilder();
        nav.append("<a href=\"/\">Home</a>");
        if (!viewer.signedIn()) {
            nav.append("<a href=\"/login\">Sign in</a>");
        }
        nav.append("<a href=\"/admin/\">Admin</a>");
        if (viewer.admin()) {
            nav.append("<a href=\"/admin/apps\">Social applications</a>")
                    .append("<a href=\"/admin/settings\">Login settings</a>")
                    .append("<a href=\"/admin/errors\">Error log</a>")
                    .append("<a href=\"/admin/accounts\">Social accounts</a>")
                    .append("<a href=\"/admin/inbox\">Inbox</a>");
        }
        String who = "";
        if (viewer.signedIn() || viewer.admin()) {
            String label = viewer.signedIn() ? Html.escape(viewer.username()) + (viewer.admin() ? " + admin" : "") : "admin";
            // Gatehouse's sign-out: ends this session, then the IdP's too where it publishes an end_session_endpoint
            who = "<form class=\"signout\" method=\"post\" action=\"/accounts/logout/\">" + csrfField(viewer.csrfToken())
                    + "<input type=\"hidden\" name=\"next\" value=\"/\">"
                    + "<span class=\"who\">" + label + "</span>"
                    + "<button type=\"submit\" id=\"sign-out\">Sign out</button></form>";
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Gatehouse demo</title>"
                + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head><body>"
                + "<header><span class=\"brand\">Gatehouse demo</span><nav>" + nav + "</nav>" + who + "</header>"
                + "<main>" + content + "</main>"
                + "<footer>Gatehouse SSO demo · single sign-on configured like InvenTree / django-allauth</footer>"
                + "</body></html>\n";
    }

    /** The hidden CSRF field every demo form carries. */
    public static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"" + SessionCsrfTokens.FIELD + "\" value=\"" + Html.escape(token) + "\">";
    }
}
