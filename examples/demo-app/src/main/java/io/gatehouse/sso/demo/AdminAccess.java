package io.gatehouse.sso.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The demo's one local administrator, user {@value #USERNAME}, signed in with a password and kept in the HTTP
 * session (apart from the SSO user the session may also hold). The admin pages need it.
 *
 * <pre>{@code
 * AdminAccess admin = new AdminAccess(password);
 * if (admin.signIn(request, "admin", typed)) { ... } // issues a new session id
 * admin.isSignedIn(request);
 * }</pre>
 */
public final class AdminAccess {
    /** The administrator's user name. */
    public static final String USERNAME = "admin";
    private static final String ATTRIBUTE = "io.gatehouse.sso.demo.admin";

    private final byte[] password;

    /** @param password the administrator's password (not empty) */
    public AdminAccess(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the admin password must not be empty");
        }
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs the administrator in when user name and password match; a new session id defeats session fixation. */
    public boolean signIn(HttpServletRequest request, String username, String typedPassword) {
        boolean userOk = USERNAME.equals(username);
        // compared in constant time, whatever the user name, so timing tells nothing about the password
        boolean passwordOk = MessageDigest.isEqual(password, String.valueOf(typedPassword).getBytes(StandardCharsets.UTF_8));
        if (!(userOk && passwordOk)) {
            return false;
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession(false).setAttribute(ATTRIBUTE, Boolean.TRUE);
        return true;
    }

    /** Whether this request's session belongs to the signed-in administrator. */
    public boolean isSignedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }
}
