package io.gatehouse.sso.admin;

import io.gatehouse.sso.servlet.Html;

import java.util.List;

/**
 * The frame of every admin page: the document language, a link that skips to the content, the navigation (the
 * current section marked for screen readers) and the stylesheet. The title and body come in as ready HTML whose
 * every outside value is already escaped.
 */
final class AdminLayout {
    /** Section path and its navigation label key. */
    private static final List<String[]> SECTIONS = List.of(new String[] {"/apps", "admin.nav.apps"},
            new String[] {"/settings", "admin.nav.settings"}, new String[] {"/accounts", "admin.nav.accounts"},
            new String[] {"/errors", "admin.nav.errors"}, new String[] {"/mail", "admin.nav.mail"});

    private AdminLayout() {
    }

    static String document(AdminExchange ex, String title, String body) {
        String current = ex.request.getPathInfo() == null ? "/" : ex.request.getPathInfo();
        StringBuilder nav = new StringBuilder("<ul>");
        nav.append(item(ex, "/", "admin.nav.home", current.equals("/")));
        for (String[] section : SECTIONS) {
            nav.append(item(ex, section[0], section[1], current.startsWith(section[0])));
        }
        nav.append("</ul>");
        return "<!DOCTYPE html>\n<html lang=\"" + Html.escape(ex.locale.toLanguageTag()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " · " + ex.t("admin.title") + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + Html.escape(ex.path("/admin.css")) + "\"></head>"
                + "<body class=\"gatehouse-admin\"><a class=\"skip-link\" href=\"#main\">" + ex.t("admin.skip") + "</a>"
                + "<header><p class=\"brand\">" + ex.t("admin.title") + "</p><nav aria-label=\"" + ex.t("admin.nav.label")
                + "\">" + nav + "</nav></header><main id=\"main\" tabindex=\"-1\">" + body + "</main></body></html>\n";
    }

    private static String item(AdminExchange ex, String page, String label, boolean current) {
        return "<li><a href=\"" + Html.escape(ex.path(page)) + "\"" + (current ? " aria-current=\"page\"" : "") + ">"
                + ex.t(label) + "</a></li>";
    }
}
