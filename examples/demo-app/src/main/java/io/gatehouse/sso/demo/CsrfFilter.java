package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        boolean sso = request.getServletPath().startsWith("/accounts");
        if (!sso && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !csrf.allows(request, null)) {
            LOG.warn("Refused {} {}: missing or wrong CSRF token", request.getMethod(), request.getRequestURI());
            PageServlet.securityHeaders(response);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Refused</title><link rel=\"stylesheet\" href=\"" + Layout.STYLESHEET + "\"></head><body><main>"
                    + "<h1>Refused</h1><p class=\"error\" id=\"csrf-failed\">" + Html.escape("This form has expired or did not "
                    + "come from this site's own pages. Go back, reload the page and try again.") + "</p>"
                    + "<p><a href=\"/\">Home</a></p></main></body></html>\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
