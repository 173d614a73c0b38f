package io.gatehouse.sso.core.testing;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;

import java.util.List;
import java.util.Map;

/**
 * A login the engine began and that stopped before the IdP: the test plays the IdP (its token endpoint answers
 * what the test wants for the login's {@link #nonce}) and the browser's redirect back with a code.
 *
 * @param state   the state the engine sent
 * @param nonce   the nonce the ID token must carry
 * @param cookies the transaction cookie the browser holds
 */
public record HaltedLogin(String routeId, String state, String nonce, Map<String, String> cookies) {

    public static HaltedLogin begin(LoginEngine engine, String routeId) {
        LoginOutcome outcome = engine.beginLogin(routeId, new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
        if (!(outcome instanceof LoginOutcome.Redirect r)) {
            throw new AssertionError("begin login failed: " + outcome);
        }
        var q = LoginDance.query(r.location());
        return new HaltedLogin(routeId, q.get("state").get(0), q.get("nonce").get(0), Map.of(r.cookie().name(), r.cookie().value()));
    }

    /** The browser comes back with this code. */
    public LoginOutcome complete(LoginEngine engine, String code) {
        return engine.completeLogin(routeId, new CallbackRequest(Map.of("state", List.of(state), "code", List.of(code)),
                cookies, EngineFixture.BASE, null));
    }
}
