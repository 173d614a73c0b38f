package io.gatehouse.sso.servlet;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.LoginDance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login a browser began at a node and that stopped at the door of a {@code FakeIdp} (which has no login page):
 * the state and nonce the node sent, and where the IdP sends the browser back. The test plays the IdP's redirect
 * with {@link #callback(String)}.
 *
 * @param state       the state the node sent
 * @param nonce       the nonce the ID token must carry
 * @param redirectUri the node's callback (its public URL)
 */
record BegunLogin(String state, String nonce, URI redirectUri) {

    /** GETs the node's login route in {@code browser}; the answer must be the redirect to the IdP. */
    static BegunLogin at(HttpBrowser browser, TestServer node) {
        HttpResponse<String> toIdp = browser.get(node.uri(TestServer.CONTEXT + "/accounts/openid_connect/login/"));
        assertThat(toIdp.statusCode()).as(toIdp.body()).isEqualTo(302);
        Map<String, List<String>> query = LoginDance.query(HttpBrowser.location(toIdp));
        return new BegunLogin(query.get("state").get(0), query.get("nonce").get(0), URI.create(query.get("redirect_uri").get(0)));
    }

    /** The IdP's redirect back with {@code code} (a public URL: send it to a node with {@link TestServer#at}). */
    URI callback(String code) {
        return URI.create(redirectUri + "?state=" + encode(state) + "&code=" + encode(code));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
