package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * {@code GET|POST /admin/login}: the administrator's sign-in form (user {@value AdminAccess#USERNAME}); on
 * success back to the admin page that asked for it.
 */
final class AdminLoginServlet extends PageServlet {
    static final String PATH = "/admin/login";
    private static final Logger LOG = LoggerFactory.getLogger(AdminLoginServlet.class);

    AdminLoginServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (demo.admin().isSignedIn(request)) {
            redirect(response, next(request));
            return;
        }
        form(request, response, 200, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (demo.admin().signIn(request, request.getParameter("username"), request.getParameter("password"))) {
            LOG.info("The administrator signed in");
            redirect(response, next(request));
            return;
        }
        LOG.warn("Admin sign-in refused: wrong user name or password");
        form(request, response, 401, "Wrong user name or password.");
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, String error) throws IOException {
        page(request, response, status, "Admin sign-in", "<h1>Admin sign-in</h1>"
                + "<p class=\"hint\">The demo's administrator is <code>" + AdminAccess.USERNAME + "</code>; the password is "
                + "<code>DEMO_ADMIN_PASSWORD</code>, or the one printed when the demo started.</p>"
                + (error == null ? "" : "<p class=\"error\" id=\"login-error\">" + Html.escape(error) + "</p>")
                + "<form class=\"form\" method=\"post\" action=\"" + PATH + "\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.escape(next(request)) + "\">"
                + "<p class=\"field\"><label for=\"username\">User name</label>"
                + "<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required></p>"
                + "<p class=\"field\"><label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>"
                + "<p><button type=\"submit\" id=\"admin-sign-in\">Sign in</button></p></form>");
    }

    /** Only an admin page may be the target: anything else (another site, {@code //host}) becomes the admin start page. */
    private static String next(HttpServletRequest request) {
        String next = request.getParameter("next");
        if (next != null && next.startsWith("/admin/") && !next.startsWith(PATH) && next.matches("/[A-Za-z0-9/_.?=&%-]*")) {
            return next;
        }
        return "/admin/";
    }
}
