package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.BackChannelOutcome;
import io.gatehouse.sso.core.LoginEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /accounts/<provider>/backchannel-logout/}: the back-channel logout URI to register at the IdP (OpenID
 * Connect Back-Channel Logout 1.0). The IdP posts a {@code logout_token}; the answer is what section 2.8 asks for:
 * {@code 200} with no body when the sessions it names were ended, else {@code 400} with an OAuth 2.0 error JSON,
 * never a page or a stack trace. Sessions end in the shared registry; each node's {@link EndedSessionFilter} signs the
 * browser out on its next request.
 */
final class BackChannelLogoutRoute {
    private final LoginEngine engine;
    private final Responder responder;

    BackChannelLogoutRoute(LoginEngine engine, Responder responder) {
        this.engine = engine;
        this.responder = responder;
    }

    void receive(HttpServletRequest request, HttpServletResponse response, MountPoint mount, String provider) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
        BackChannelOutcome outcome = engine.sessions().backChannelLogout(provider, params, mount.ssoBase());
        if (outcome instanceof BackChannelOutcome.Refused refused) {
            responder.json(response, 400, new JsonBody.BackChannelError("invalid_request", refused.failure().message()
                    + (refused.failure().errorLogId() == null ? "" : " (error log " + refused.failure().errorLogId() + ")")));
        } else {
            responder.empty(response, 200);
        }
    }
}
