package io.gatehouse.sso.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Keeps {@code /admin/*} (but the sign-in page) for the signed-in administrator: a GET is sent to the admin
 * sign-in (and back afterwards), anything else is refused with 403.
 */
final class AdminGate extends HttpFilter {
    private final transient AdminAccess admin;

    AdminGate(AdminAccess admin) {
        this.admin = admin;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(AdminLoginServlet.PATH) || admin.isSignedIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        PageServlet.securityHeaders(response);
        if ("GET".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", AdminLoginServlet.PATH + "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            return;
        }
        PageServlet.refuse(response, HttpServletResponse.SC_FORBIDDEN, "admin-required",
                "Only the signed-in administrator may do this. Sign in under Admin first.");
    }
}
