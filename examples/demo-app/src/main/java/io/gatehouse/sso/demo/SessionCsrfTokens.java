package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.CsrfCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Synchronizer-token CSRF protection: one random token per HTTP session, carried by every form in a hidden
 * field {@value #FIELD} and checked on every POST. The demo's own forms (sign-out, connect, disconnect, the
 * admin pages) and the forms Gatehouse's servlet renders (sign-up, email confirmation) all use it: it is
 * also the servlet's {@link CsrfCheck}.
 *
 * <pre>{@code
 * SessionCsrfTokens csrf = new SessionCsrfTokens();
 * String field = "<input type=hidden name=csrf_token value=" + csrf.tokenFor(request) + ">";
 * if (!csrf.allows(request, null)) { response.sendError(403); }
 * }</pre>
 */
public final class SessionCsrfTokens implements CsrfCheck {
    /** The form field carrying the token. */
    public static final String FIELD = "csrf_token";
    private static final String ATTRIBUTE = "io.gatehouse.sso.demo.csrfToken";

    private final SecureRandom random = new SecureRandom();

    /** The session's token, creating the session and the token when needed. */
    public String tokenFor(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String s) {
                return s;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, fresh);
            return fresh;
        }
    }

    /** True when the request's {@value #FIELD} parameter equals its session's token; the base URL plays no part. */
    @Override
    public boolean allows(HttpServletRequest request, URI baseUrl) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(FIELD);
        if (session == null || sent == null) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String s
                && MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** The hidden field for forms Gatehouse renders. */
    @Override
    public Map<String, String> hiddenFields(HttpServletRequest request) {
        return Map.of(FIELD, tokenFor(request));
    }
}
