package io.gatehouse.sso.servlet;

import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * How the host application signs a user in once single sign-on has identified them, and tells who is
 * signed in (connecting another identity needs a signed-in user). The default, {@link HttpSessionBinder},
 * keeps the user id in the HTTP session; a host with its own security framework implements this to
 * create its own authentication instead.
 *
 * <pre>{@code
 * SessionBinder springBinder = new SessionBinder() {
 *     public void signIn(HttpServletRequest req, HttpServletResponse res, User user) {
 *         Authentication auth = authenticationFor(user);              // the host's own code
 *         SecurityContext ctx = SecurityContextHolder.createEmptyContext();
 *         ctx.setAuthentication(auth);
 *         securityContextRepository.saveContext(ctx, req, res);
 *     }
 *     public Optional<String> currentUserId(HttpServletRequest req) {
 *         return Optional.ofNullable(req.getUserPrincipal()).map(Principal::getName);
 *     }
 * };
 * }</pre>
 */
public interface SessionBinder {

    /**
     * Signs {@code user} in for the rest of the browser session. Implementations must protect against
     * session fixation (issue a new session id).
     */
    void signIn(HttpServletRequest request, HttpServletResponse response, User user);

    /** The signed-in user's id (the {@link User#id()} given to {@link #signIn}), or empty. */
    Optional<String> currentUserId(HttpServletRequest request);

    /**
     * Signs the user out: at {@code POST /accounts/logout/}, and when the {@link EndedSessionFilter} finds that the
     * sign-in session ended elsewhere (the IdP's back-channel logout, on any node). The default invalidates the HTTP
     * session; a host that keeps its authentication elsewhere clears it here too.
     */
    default void signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
