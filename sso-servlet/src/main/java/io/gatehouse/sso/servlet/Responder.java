package io.gatehouse.sso.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.gatehouse.sso.core.FailureCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes every answer of the servlet, each with the same protective headers: not cached (answers are
 * per-user and some carry one-time links), no MIME sniffing, no framing, and no {@code Referer} (the
 * callback URL holds the authorization code, and confirmation URLs a token; the header also governs
 * the request a redirect leads to).
 */
final class Responder {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static final String RETRY_AFTER_SECONDS = "5";

    private final PageRenderer pages;

    Responder(PageRenderer pages) {
        this.pages = pages;
    }

    void redirect(HttpServletResponse response, String location) {
        headers(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    void page(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        String html = pages.render(page, request);
        headers(response);
        response.setHeader("Content-Security-Policy", pages.contentSecurityPolicy());
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * A failure as JSON when the client asked for it, else as a page. A 503 (store unreachable, node stopping) says
     * when to try again, and a stopping node closes the connection so the client's next request reaches another node.
     */
    void error(HttpServletRequest request, HttpServletResponse response, Page.Error error) throws IOException {
        if (error.status() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (FailureCode.SHUTTING_DOWN.code().equals(error.code())) {
            response.setHeader("Connection", "close");
        }
        if (AcceptHeader.wantsJson(request.getHeader("Accept"))) {
            json(response, error.status(), new JsonBody.Error(error.status(), error.code(), error.message(), error.errorLogId()));
        } else {
            page(request, response, error);
        }
    }

    /** A status without body (the back-channel logout's success). */
    void empty(HttpServletResponse response, int status) {
        headers(response);
        response.setStatus(status);
        response.setContentLength(0);
    }

    void json(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        headers(response);
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void headers(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
