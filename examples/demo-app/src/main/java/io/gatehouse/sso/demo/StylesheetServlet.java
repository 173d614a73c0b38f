package io.gatehouse.sso.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /static/demo.css}: the one stylesheet, for the demo's pages and Gatehouse's own. */
final class StylesheetServlet extends HttpServlet {
    private final byte[] css;

    StylesheetServlet() {
        try (InputStream in = StylesheetServlet.class.getResourceAsStream("demo.css")) {
            if (in == null) {
                throw new IllegalStateException("demo.css is missing from the demo's resources");
            }
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "max-age=300");
        response.setContentLength(css.length);
        response.getOutputStream().write(css);
    }
}
