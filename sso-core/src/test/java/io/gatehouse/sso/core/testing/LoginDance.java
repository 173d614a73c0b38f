package io.gatehouse.sso.core.testing;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the browser in the redirect dance against a real IdP: begin the login, follow the
 * authorization URL to the IdP (which answers with a redirect to our callback), then complete.
 */
public final class LoginDance {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A started login: the engine's redirect and the callback URL the IdP sent the browser to. */
    public record Started(LoginOutcome.Redirect redirect, URI callback) {
        public Map<String, String> cookies() {
            return Map.of(redirect.cookie().name(), redirect.cookie().value());
        }

        public Map<String, List<String>> callbackParams() {
            return query(callback);
        }
    }

    public Started begin(LoginEngine engine, String routeId, LoginRequest request) {
        LoginOutcome outcome = engine.beginLogin(routeId, request);
        if (!(outcome instanceof LoginOutcome.Redirect redirect)) {
            throw new AssertionError("begin login failed: " + outcome);
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(redirect.location()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("IdP did not redirect: HTTP " + answer.statusCode() + " " + answer.body()));
            return new Started(redirect, URI.create(location));
        } catch (IOException e) {
            throw new AssertionError("IdP unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Started begin(LoginEngine engine, String routeId) {
        return begin(engine, routeId, new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
    }

    public LoginOutcome complete(LoginEngine engine, String routeId, Started started, String signedInUserId) {
        return engine.completeLogin(routeId, new CallbackRequest(started.callbackParams(), started.cookies(),
                EngineFixture.BASE, signedInUserId));
    }

    /** Begin and complete a plain login. */
    public LoginOutcome login(LoginEngine engine, String routeId) {
        return complete(engine, routeId, begin(engine, routeId), null);
    }

    public static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
