package io.gatehouse.sso.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer-token CSRF protection of the admin pages: one random token per HTTP session, carried by every
 * admin form in the hidden field {@value #FIELD} and required on every POST.
 */
final class AdminCsrf {
    static final String FIELD = "gatehouse_admin_csrf";
    private static final String ATTRIBUTE = "io.gatehouse.sso.admin.csrf";

    private final SecureRandom random = new SecureRandom();

    /** The session's token, creating the session and the token when needed. */
    String tokenFor(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            if (session.getAttribute(ATTRIBUTE) instanceof String token) {
                return token;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, fresh);
            return fresh;
        }
    }

    /** True when the request carries its session's token, compared in constant time. */
    boolean allows(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(FIELD);
        return session != null && sent != null && session.getAttribute(ATTRIBUTE) instanceof String expected
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
