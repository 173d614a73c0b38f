package io.gatehouse.sso.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * {@code POST /logout} (CSRF-checked by {@link CsrfFilter}): ends the session, so the SSO user and the
 * administrator are both signed out.
 */
final class LogoutServlet extends PageServlet {

    LogoutServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        redirect(response, "/");
    }
}
