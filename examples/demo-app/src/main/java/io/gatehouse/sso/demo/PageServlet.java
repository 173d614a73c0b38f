package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every demo page servlet shares: who is looking, the CSRF field, and answering with a page (with the
 * security headers every page gets) or a redirect.
 */
abstract class PageServlet extends HttpServlet {
    /**
     * Nothing loads but same-origin styles; no script, no framing. No {@code form-action}: the "connect" forms post
     * to {@code /accounts/...}, which redirects to the IdP's origin, and browsers apply form-action to that redirect.
     */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    protected final transient DemoContext demo;

    PageServlet(DemoContext demo) {
        this.demo = demo;
    }

    /** The signed-in SSO user, if the session names one that (still) exists. */
    Optional<User> currentUser(HttpServletRequest request) {
        return demo.binder().currentUserId(request).flatMap(id -> demo.stores().users().findById(id));
    }

    Viewer viewer(HttpServletRequest request) {
        return new Viewer(currentUser(request).map(User::username).orElse(null), demo.admin().isSignedIn(request),
                demo.csrf().tokenFor(request));
    }

    /** The hidden CSRF field for a form on this page. */
    String csrfField(HttpServletRequest request) {
        return Layout.csrfField(demo.csrf().tokenFor(request));
    }

    /** The public base URL of this request, as Gatehouse resolves it (site_url, or scheme + Host). */
    URI baseUrl(HttpServletRequest request) {
        return BaseUrl.resolve(demo.engine().config(), request.getHeader("Host"), request.getContextPath(), request::getHeader);
    }

    void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        securityHeaders(response);
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    void page(HttpServletRequest request, HttpServletResponse response, int status, String title, String content)
            throws IOException {
        send(response, status, Layout.page(viewer(request), title, content));
    }

    /** 303 See Other: after a POST the browser GETs the target (post/redirect/get). */
    static void redirect(HttpServletResponse response, String path) {
        securityHeaders(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }

    /** A small page refusing the request, for filters that answer before any servlet runs. */
    static void refuse(HttpServletResponse response, int status, String id, String message) throws IOException {
        securityHeaders(response);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Refused · Gatehouse demo</title><link rel=\"stylesheet\" href=\"" + Layout.STYLESHEET + "\"></head>"
                + "<body><main><h1>Refused</h1><p class=\"error\" id=\"" + id + "\">" + Html.escape(message) + "</p>"
                + "<p><a href=\"/\">Home</a></p></main></body></html>\n").getBytes(StandardCharsets.UTF_8));
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CSP);
    }
}
