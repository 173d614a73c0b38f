package io.gatehouse.sso.servlet;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Map;

/**
 * Decides whether a state-changing request (every POST: login, connect, disconnect, sign-up, email
 * confirmation) really comes from the application's own pages. The default, {@link SameOriginCheck},
 * requires a same-origin {@code Origin} (or, without it, {@code Referer}) header. A host with its own
 * CSRF tokens plugs its check in here, and hands its token field to the forms Gatehouse renders.
 *
 * <pre>{@code
 * CsrfCheck hostTokens = new CsrfCheck() {
 *     public boolean allows(HttpServletRequest request, URI baseUrl) {
 *         return CsrfCheck.sameOrigin().allows(request, baseUrl) && tokens.valid(request, request.getParameter("_csrf"));
 *     }
 *     public Map<String, String> hiddenFields(HttpServletRequest request) {
 *         return Map.of("_csrf", tokens.issue(request));
 *     }
 * };
 * }</pre>
 */
public interface CsrfCheck {

    /**
     * @param baseUrl the public base URL Gatehouse resolved for this request (scheme, host, port, path)
     * @param request the POST request
     * @return true when the POST may go ahead
     */
    boolean allows(HttpServletRequest request, URI baseUrl);

    /**
     * Hidden form fields every form Gatehouse renders must carry (a host's CSRF token); none by default.
     *
     * @param request the request the form is rendered for
     * @return field names and values; empty by default
     */
    default Map<String, String> hiddenFields(HttpServletRequest request) {
        return Map.of();
    }

    /**
     * The default check: same-origin {@code Origin} or {@code Referer}.
     *
     * @return a check that refuses a POST whose {@code Origin} (or, without one, {@code Referer}) is another origin
     */
    static CsrfCheck sameOrigin() {
        return new SameOriginCheck();
    }
}
