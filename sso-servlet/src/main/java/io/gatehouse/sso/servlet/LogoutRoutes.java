package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LogoutOutcome;
import io.gatehouse.sso.core.transaction.LogoutTransaction;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing out (OpenID Connect RP-Initiated Logout 1.0): {@code POST /accounts/logout/} ({@code next}; CSRF-checked
 * by the servlet) ends the host's session through the {@link SessionBinder} and the sign-in session, then sends the
 * browser to the IdP's {@code end_session_endpoint} when it has one, else to {@code next};
 * {@code GET /accounts/logout/callback/} is the post-logout redirect URI the IdP sends the browser back to.
 */
final class LogoutRoutes {
    private final LoginEngine engine;
    private final SessionBinder sessionBinder;
    private final Responder responder;

    LogoutRoutes(LoginEngine engine, SessionBinder sessionBinder, Responder responder) {
        this.engine = engine;
        this.sessionBinder = sessionBinder;
        this.responder = responder;
    }

    void logout(HttpServletRequest request, HttpServletResponse response, MountPoint mount) throws IOException {
        String sessionId = SsoSessionAttribute.of(request).orElse(null);
        // the host's session ends first, whatever the IdP does next
        sessionBinder.signOut(request, response);
        LogoutOutcome outcome = engine.sessions().beginLogout(sessionId, request.getParameter("next"), mount.ssoBase());
        if (outcome instanceof LogoutOutcome.Redirect r) {
            TransactionCookies.set(response, r.cookie(), mount.ssoPath(r.cookie().path()), mount.https() || request.isSecure());
            responder.redirect(response, r.location().toString());
        } else {
            respond(request, response, mount, outcome);
        }
    }

    void callback(HttpServletRequest request, HttpServletResponse response, MountPoint mount) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
        Map<String, String> cookies = new LinkedHashMap<>();
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals(LogoutTransaction.COOKIE)) {
                    cookies.putIfAbsent(c.getName(), c.getValue());
                }
            }
        }
        TransactionCookies.clear(response, LogoutTransaction.COOKIE, mount.ssoPath("/accounts/"), mount.https() || request.isSecure());
        respond(request, response, mount, engine.sessions().completeLogout(new CallbackRequest(params, cookies, mount.ssoBase(), null)));
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, MountPoint mount, LogoutOutcome outcome)
            throws IOException {
        if (outcome instanceof LogoutOutcome.Failed f) {
            responder.error(request, response, new Page.Error(FailureStatus.of(f.failure().code()), f.failure().code().code(),
                    f.failure().message(), f.failure().errorLogId(), mount.appUrl(f.next())));
        } else {
            responder.redirect(response, mount.appUrl(outcome.next()));
        }
    }
}
