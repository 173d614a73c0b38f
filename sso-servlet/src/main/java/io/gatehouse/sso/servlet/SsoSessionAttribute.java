package io.gatehouse.sso.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The id of the sign-in session (the engine's {@code SessionRegistry}) that the host's HTTP session carries: set
 * when the servlet signs a user in, read when the user signs out and by the {@link EndedSessionFilter} on every
 * request. It is a separate attribute from the {@link SessionBinder}'s, so any binder works with it.
 *
 * <pre>{@code
 * String id = (String) httpSession.getAttribute(SsoSessionAttribute.NAME);
 * }</pre>
 */
public final class SsoSessionAttribute {
    /** The HTTP session attribute holding the sign-in session's id. */
    public static final String NAME = "io.gatehouse.sso.sessionId";

    private SsoSessionAttribute() {
    }

    /** Remembers the sign-in session in the (new) HTTP session; a null id (none was started) removes an old one. */
    static void bind(HttpServletRequest request, String sessionId) {
        HttpSession session = request.getSession(true);
        if (sessionId == null) {
            session.removeAttribute(NAME);
        } else {
            session.setAttribute(NAME, sessionId);
        }
    }

    /** The sign-in session this request's HTTP session carries, if any. */
    static Optional<String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(NAME) instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
