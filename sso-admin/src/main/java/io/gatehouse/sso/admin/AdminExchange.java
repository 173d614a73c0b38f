package io.gatehouse.sso.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One admin request and its answer: the reader's language, the session's CSRF token, where the pages are
 * mounted, and answering with a page (every one with the same protective headers), a redirect or JSON.
 */
final class AdminExchange {
    /** Same-origin styles only, no script, forms post here only, no framing. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    final HttpServletRequest request;
    final HttpServletResponse response;
    final AdminContext admin;
    final Locale locale;
    private final AdminCsrf csrf;

    AdminExchange(HttpServletRequest request, HttpServletResponse response, AdminContext admin, AdminCsrf csrf) {
        this.request = request;
        this.response = response;
        this.admin = admin;
        this.csrf = csrf;
        this.locale = admin.messages().negotiate(request.getHeader("Accept-Language"));
    }

    /** A text in the reader's language, escaped for HTML. */
    String t(String key, Object... args) {
        return Html.escape(admin.messages().text(locale, key, args));
    }

    /** A text in the reader's language, not escaped (for {@link Fields}, which escape). */
    String raw(String key, Object... args) {
        return admin.messages().text(locale, key, args);
    }

    /** A message in the reader's language, escaped for HTML. */
    String t(Message message) {
        return Html.escape(admin.messages().text(locale, message));
    }

    /** The browser path of an admin page, e.g. {@code /app/admin/apps}. */
    String path(String page) {
        return request.getContextPath() + request.getServletPath() + page;
    }

    /** The hidden field every admin form carries. */
    String csrfField() {
        return "<input type=\"hidden\" name=\"" + AdminCsrf.FIELD + "\" value=\"" + Html.escape(csrf.tokenFor(request)) + "\">";
    }

    String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.trim();
    }

    /** The public base URL the SSO routes' callback URLs derive from, for this request. */
    URI ssoBase() {
        URI base = BaseUrl.resolve(admin.config(), request.getHeader("Host"), request.getContextPath(), request::getHeader);
        return admin.ssoPrefix().isEmpty() ? base : URI.create(base + admin.ssoPrefix());
    }

    static String time(Instant instant) {
        return instant == null ? "" : Html.escape(TIME.format(instant));
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void page(int status, String title, String body) throws IOException {
        send(status, "text/html;charset=UTF-8", AdminLayout.document(this, title, body).getBytes(StandardCharsets.UTF_8));
    }

    void json(int status, Object body) throws IOException {
        send(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    /** 303 See Other: after a POST the browser GETs the target (post/redirect/get). */
    void redirect(String page) {
        headers();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path(page));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        headers();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void headers() {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Vary", "Accept-Language");
    }
}
