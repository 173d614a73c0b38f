package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.ErrorRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /admin/errors?page=N}: the error log, newest first, {@value #PAGE_SIZE} records a page. Every
 * failed sign-in is here with a sentence saying what went wrong; the id is the "reference" the user saw.
 */
final class ErrorLogServlet extends PageServlet {
    static final int PAGE_SIZE = 20;

    ErrorLogServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int page = pageNumber(request.getParameter("page"));
        // one more than shown, to know whether an older page exists
        List<ErrorRecord> records = demo.stores().errorLog().list(page * PAGE_SIZE, PAGE_SIZE + 1);
        boolean older = records.size() > PAGE_SIZE;
        StringBuilder html = new StringBuilder("<h1>Error log</h1>");
        if (records.isEmpty()) {
            html.append("<p class=\"hint\" id=\"no-errors\">").append(page == 0 ? "No errors recorded." : "No older errors.")
                    .append("</p>");
        } else {
            html.append("<table id=\"errors\"><thead><tr><th>Id</th><th>Time</th><th>Kind</th><th>What happened</th>"
                    + "<th>Data</th><th>Where</th></tr></thead><tbody>");
            for (ErrorRecord r : records.subList(0, Math.min(PAGE_SIZE, records.size()))) {
                html.append("<tr class=\"error-record\"><td>").append(Html.escape(r.id())).append("</td><td class=\"nowrap\">")
                        .append(HomeServlet.time(r.time())).append("</td><td><code class=\"kind\">").append(Html.escape(r.kind()))
                        .append("</code></td><td>").append(Html.escape(r.info())).append("</td><td><code>")
                        .append(Html.escape(r.data())).append("</code></td><td><code>").append(Html.escape(r.path()))
                        .append("</code></td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<p class=\"pager\">");
        if (page > 0) {
            html.append("<a id=\"newer\" href=\"/admin/errors?page=").append(page - 1).append("\">&larr; Newer</a> ");
        }
        if (older) {
            html.append("<a id=\"older\" href=\"/admin/errors?page=").append(page + 1).append("\">Older &rarr;</a>");
        }
        html.append("</p>");
        page(request, response, 200, "Error log", html.toString());
    }

    private static int pageNumber(String raw) {
        try {
            return raw == null ? 0 : Math.max(0, Math.min(Integer.parseInt(raw), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
