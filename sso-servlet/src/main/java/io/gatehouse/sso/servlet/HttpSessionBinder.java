package io.gatehouse.sso.servlet;

import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link SessionBinder}: the signed-in user's id is an attribute of the HTTP session.
 * Signing in issues a new session id ({@link HttpServletRequest#changeSessionId()}), so a session id
 * planted before the login (session fixation) is worthless afterwards; signing in as a different user
 * than the session already holds starts a fresh session, so nothing of the previous user carries over.
 *
 * <pre>{@code
 * HttpSessionBinder binder = new HttpSessionBinder();
 * // in the host's own servlets:
 * Optional<String> userId = binder.currentUserId(request);
 * }</pre>
 */
public final class HttpSessionBinder implements SessionBinder {
    /** The default session attribute holding the user id. */
    public static final String USER_ID_ATTRIBUTE = "io.gatehouse.sso.userId";

    private final String attribute;

    /** A binder keeping the user id under {@link #USER_ID_ATTRIBUTE}. */
    public HttpSessionBinder() {
        this(USER_ID_ATTRIBUTE);
    }

    /** @param attribute the session attribute to keep the user id in (to share it with the host's own login) */
    public HttpSessionBinder(String attribute) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    @Override
    public void signIn(HttpServletRequest request, HttpServletResponse response, User user) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object previous = session.getAttribute(attribute);
            if (previous != null && !previous.equals(user.id())) {
                session.invalidate();
                session = null;
            }
        }
        if (session == null) {
            request.getSession(true);
        }
        // a new id even for a brand-new session: the id may already have been sent in this response
        request.changeSessionId();
        request.getSession(false).setAttribute(attribute, user.id());
    }

    @Override
    public Optional<String> currentUserId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object id = session.getAttribute(attribute);
        return id instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }
}
