package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LogoutOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The IdP part of a sign-out that the host's own logout runs (Spring Security's {@code POST /logout}, say) instead of
 * {@code POST /accounts/logout/}: it ends the sign-in session in the engine's registry and, when the IdP publishes an
 * {@code end_session_endpoint}, answers where the browser goes (with {@code id_token_hint}, {@code client_id},
 * {@code post_logout_redirect_uri} and a {@code state} sealed into the logout cookie it sets). The IdP then sends the
 * browser back to {@code GET /accounts/logout/callback/}, which the {@link SsoServlet} checks as after its own route.
 * The host ends its own session itself; read the sign-in session id with {@link #sessionId} before it does.
 *
 * <pre>{@code
 * RpInitiatedLogout idp = new RpInitiatedLogout(engine, "/accounts");
 * String sessionId = RpInitiatedLogout.sessionId(request).orElse(null); // before the HTTP session is invalidated
 * hostSignOut(request);
 * Optional<URI> endSession = idp.begin(request, response, sessionId, "/");
 * response.sendRedirect(endSession.map(URI::toString).orElse("/"));
 * }</pre>
 */
public final class RpInitiatedLogout {
    private final LoginEngine engine;
    private final String prefix;

    /**
     * @param engine       the engine of the {@link SsoServlet}
     * @param accountsPath where the servlet is mapped, without {@code /*}: {@code /accounts} or e.g. {@code /sso/accounts}
     */
    public RpInitiatedLogout(LoginEngine engine, String accountsPath) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.prefix = MountPoint.prefixOf(accountsPath);
        if (prefix == null) {
            throw new IllegalArgumentException("the SSO servlet's path must end in /accounts, not '" + accountsPath + "'");
        }
    }

    /**
     * The sign-in session the request's HTTP session carries (set when {@link SsoServlet} signed the user in).
     *
     * @param request the request, read before the host invalidates its HTTP session
     * @return the session id, or empty when the user did not sign in through Gatehouse
     */
    public static Optional<String> sessionId(HttpServletRequest request) {
        return SsoSessionAttribute.of(request);
    }

    /**
     * Ends the sign-in session {@code sessionId} (null: none) for every node and starts the IdP's sign-out when it has
     * one: the logout cookie is set on {@code response} and the end-session URL returned. Empty means a local sign-out
     * only (no end-session endpoint, no session, or the registry could not be reached, which the error log records).
     *
     * @param request   the sign-out request (it gives the site's base URL)
     * @param response  where the logout cookie is set
     * @param sessionId the sign-in session to end, from {@link #sessionId}, or null
     * @param next      where the browser goes after the IdP; only a same-origin path is kept, anything else becomes {@code /}
     * @return the IdP's end-session URL to redirect to, or empty for a local sign-out only
     */
    public Optional<URI> begin(HttpServletRequest request, HttpServletResponse response, String sessionId, String next) {
        LogoutOutcome outcome = start(engine, request, response, MountPoint.of(request, engine.config(), prefix), sessionId, next);
        return outcome instanceof LogoutOutcome.Redirect r ? Optional.of(r.location()) : Optional.empty();
    }

    /** Ends the sign-in session and, when the IdP's sign-out follows, sets its logout cookie; for either route. */
    static LogoutOutcome start(LoginEngine engine, HttpServletRequest request, HttpServletResponse response, MountPoint mount,
                               String sessionId, String next) {
        LogoutOutcome outcome = engine.sessions().beginLogout(sessionId, next, mount.ssoBase());
        if (outcome instanceof LogoutOutcome.Redirect r) {
            TransactionCookies.set(response, r.cookie(), mount.ssoPath(r.cookie().path()), mount.https() || request.isSecure());
        }
        return outcome;
    }
}
