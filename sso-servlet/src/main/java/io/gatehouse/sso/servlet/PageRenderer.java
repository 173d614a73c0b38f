package io.gatehouse.sso.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a {@link Page} into a complete HTML document, so a host can brand the pages Gatehouse shows.
 * The default, {@link MinimalPageRenderer}, emits plain markup with {@code gatehouse-*} CSS classes and
 * an optional stylesheet link; a host can also render with its own template engine. Whatever the
 * renderer does, it must escape every text from the page ({@link Html#escape}).
 *
 * <pre>{@code
 * PageRenderer branded = new PageRenderer() {
 *     public String render(Page page, HttpServletRequest request) {
 *         return templates.render("sso/" + page.getClass().getSimpleName(), Map.of("page", page));
 *     }
 *     public String contentSecurityPolicy() {
 *         return PageRenderer.DEFAULT_CSP.replace("style-src 'self'", "style-src 'self' https://cdn.example.com");
 *     }
 * };
 * }</pre>
 */
public interface PageRenderer {

    /**
     * The policy sent with every page: nothing loads but same-origin styles and images, no script, forms
     * post only to this origin, no framing.
     */
    String DEFAULT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * A complete HTML document for the page.
     *
     * @param page what to show
     * @param request the request, e.g. for its locale
     * @return the document, escaped where it holds user or IdP text
     */
    String render(Page page, HttpServletRequest request);

    /**
     * The {@code Content-Security-Policy} for rendered pages; loosen it only as far as the renderer needs.
     *
     * @return the header value; {@link #DEFAULT_CSP} (no scripts, styles and forms of this origin only, no framing) by
     *     default
     */
    default String contentSecurityPolicy() {
        return DEFAULT_CSP;
    }
}
