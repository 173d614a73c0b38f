package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /admin/}: what the admin can do here, with where each setting comes from. */
final class AdminHomeServlet extends PageServlet {

    AdminHomeServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path != null && !path.equals("/")) {
            page(request, response, 404, "Not found", "<h1>Not found</h1><p>There is no such admin page. <a href=\"/admin/\">Admin</a></p>");
            return;
        }
        page(request, response, 200, "Admin", "<h1>Admin</h1><ul class=\"admin-menu\">"
                + "<li><a href=\"/admin/apps\">Social applications</a>: the client registrations at identity providers "
                + "(provider, client id, secret, settings, sites)</li>"
                + "<li><a href=\"/admin/settings\">Login settings</a>: enable SSO and registration, allowed domains, group sync "
                + "and the group map</li>"
                + "<li><a href=\"/admin/errors\">Error log</a>: every failed sign-in, with what went wrong</li>"
                + "<li><a href=\"/admin/mail\">Mail</a>: what the demo's own mail server received</li></ul>"
                + "<p class=\"hint\">Enabled provider backends (<code>social_backends</code>, read at start-up): <code>"
                + Html.escape(String.join(", ", demo.engine().config().backends())) + "</code></p>");
    }
}
