package io.gatehouse.sso.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Refuses every POST of the demo's own pages that lacks the session's CSRF token (403). Gatehouse's routes
 * under {@code /accounts/} are left to the SSO servlet, which checks the same token through its
 * {@link io.gatehouse.sso.servlet.CsrfCheck}.
 */
final class CsrfFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);

    private final transient SessionCsrfTokens csrf;

    CsrfFilter(SessionCsrfTokens csrf) {
        this.csrf = csrf;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Gatehouse's routes and admin pages check their own tokens (the admin pages: their session token)
        boolean sso = request.getServletPath().startsWith("/accounts") || request.getServletPath().equals(DemoApp.ADMIN);
        if (!sso && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !csrf.allows(request, null)) {
            LOG.warn("Refused {} {}: missing or wrong CSRF token", request.getMethod(), request.getRequestURI());
            PageServlet.refuse(response, HttpServletResponse.SC_FORBIDDEN, "csrf-failed", "This form has expired or did not "
                    + "come from this site's own pages. Go back, reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }
}
