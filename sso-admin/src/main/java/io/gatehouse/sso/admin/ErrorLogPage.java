package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.ErrorQuery;
import io.gatehouse.sso.spi.ErrorRecord;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /errors?kind=&provider=&from=&until=&page=}: the error log, newest first, {@value #PAGE_SIZE} records a
 * page, filtered by code, provider and day (UTC, {@code from} and {@code until} inclusive). A counted record shows
 * how often its failure happened and when first and last.
 */
final class ErrorLogPage {
    static final int PAGE_SIZE = 20;

    private ErrorLogPage() {
    }

    static void show(AdminExchange ex) throws IOException {
        int page = pageNumber(ex.param("page"));
        LocalDate from = day(ex.param("from"));
        LocalDate until = day(ex.param("until"));
        ErrorQuery query = new ErrorQuery(ex.param("kind"), ex.param("provider"),
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                until == null ? null : until.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        // one more than shown, to know whether an older page exists
        List<ErrorRecord> records = ex.admin.errorLog().list(query, page * PAGE_SIZE, PAGE_SIZE + 1);
        StringBuilder html = new StringBuilder("<h1>").append(ex.t("admin.errors.title")).append("</h1>").append(filter(ex, from, until));
        if (records.isEmpty()) {
            html.append("<p class=\"hint\" id=\"no-errors\">").append(ex.t("admin.errors.none")).append("</p>");
        } else {
            html.append("<table id=\"errors\"><caption>").append(ex.t("admin.errors.title")).append("</caption><thead><tr>");
            for (String column : List.of("id", "time", "count", "kind", "provider", "info", "data", "path")) {
                html.append("<th scope=\"col\">").append(ex.t("admin.errors." + column)).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (ErrorRecord r : records.subList(0, Math.min(PAGE_SIZE, records.size()))) {
                html.append("<tr class=\"error-record\"><td>").append(Html.escape(r.id())).append("</td><td class=\"nowrap\">")
                        .append(AdminExchange.time(r.time()))
                        .append(r.count() > 1 ? "<br><span class=\"first\">" + ex.t("admin.errors.first", AdminExchange.time(r.firstTime()))
                                + "</span>" : "")
                        .append("</td><td class=\"count\">").append(r.count()).append("</td><td><code class=\"kind\">")
                        .append(Html.escape(r.kind())).append("</code></td><td>").append(Html.escape(r.provider()))
                        .append("</td><td>").append(Html.escape(r.info())).append("</td><td><code>").append(Html.escape(r.data()))
                        .append("</code></td><td><code>").append(Html.escape(r.path())).append("</code></td></tr>");
            }
            html.append("</tbody></table>");
        }
        String filters = "/errors?" + String.join("&", List.of("kind", "provider", "from", "until").stream()
                .map(n -> n + "=" + AdminExchange.query(ex.param(n))).toList()) + "&";
        html.append(pager(ex, filters, page, records.size() > PAGE_SIZE));
        ex.page(200, ex.t("admin.errors.title"), html.toString());
    }

    private static String filter(AdminExchange ex, LocalDate from, LocalDate until) {
        StringBuilder kinds = new StringBuilder("<datalist id=\"kinds\">");
        for (FailureCode code : FailureCode.values()) {
            kinds.append("<option value=\"").append(Html.escape(code.kind())).append("\"></option>");
        }
        kinds.append("</datalist>");
        return "<form class=\"filter\" method=\"get\" action=\"" + Html.escape(ex.path("/errors")) + "\">"
                + "<fieldset><legend>" + ex.t("admin.errors.filter") + "</legend>"
                + Fields.text("kind", ex.raw("admin.errors.kind"), ex.param("kind"), null, "", " list=\"kinds\"") + kinds
                + Fields.text("provider", ex.raw("admin.errors.provider"), ex.param("provider"), null, "", "")
                + date(ex, "from", from) + date(ex, "until", until)
                + "<p><button type=\"submit\" id=\"apply-filter\">" + ex.t("admin.errors.apply") + "</button> <a href=\""
                + Html.escape(ex.path("/errors")) + "\">" + ex.t("admin.errors.clear") + "</a></p></fieldset></form>";
    }

    private static String date(AdminExchange ex, String name, LocalDate value) {
        return "<div class=\"field\"><label for=\"f-" + name + "\">" + ex.t("admin.errors." + name) + "</label>"
                + "<input type=\"date\" id=\"f-" + name + "\" name=\"" + name + "\" value=\"" + (value == null ? "" : value)
                + "\"></div>";
    }

    private static LocalDate day(String raw) {
        try {
            return raw.isEmpty() ? null : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static int pageNumber(String raw) {
        try {
            return raw.isEmpty() ? 0 : Math.max(0, Math.min(Integer.parseInt(raw), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Newer / older links; {@code base} ends in {@code ?} or {@code &}. */
    static String pager(AdminExchange ex, String base, int page, boolean older) {
        StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"" + ex.t("admin.pager") + "\">");
        if (page > 0) {
            html.append("<a id=\"newer\" href=\"").append(Html.escape(ex.path(base + "page=" + (page - 1)))).append("\">")
                    .append(ex.t("admin.pager.newer")).append("</a> ");
        }
        if (older) {
            html.append("<a id=\"older\" href=\"").append(Html.escape(ex.path(base + "page=" + (page + 1)))).append("\">")
                    .append(ex.t("admin.pager.older")).append("</a>");
        }
        return html.append("</nav>").toString();
    }
}
