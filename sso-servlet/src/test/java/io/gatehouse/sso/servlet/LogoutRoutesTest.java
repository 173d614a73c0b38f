package io.gatehouse.sso.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.core.transaction.LogoutTransaction;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import jakarta.servlet.DispatcherType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out through the servlet on a real Jetty against a real OpenID Connect server (mock-oauth2-server, which
 * publishes an end_session_endpoint): the host session ends, the browser goes to the IdP and comes back through the
 * post-logout redirect URI; the routes' refusals are typed pages or JSON.
 */
class LogoutRoutesTest {
    static final String CLIENT_ID = "inventree";
    static final ObjectMapper JSON = new ObjectMapper();

    MockOAuth2Server idp;
    EngineFixture fx;
    LoginEngine engine;
    TestServer server;
    final HttpBrowser browser = new HttpBrowser();

    @BeforeEach
    void setUp() {
        idp = new MockOAuth2Server();
        idp.start();
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Corp IdP", CLIENT_ID, "s3cret-client-value", Map.of("server_url", idp.issuerUrl("corp").toString()));
        engine = fx.engine(new OpenIdConnectBackend());
        HttpSessionBinder binder = new HttpSessionBinder();
        server = new TestServer(context -> {
            context.addServlet(new ServletHolder(SsoServlet.builder(engine).sessionBinder(binder).build()), "/accounts/*");
            context.addFilter(new FilterHolder(new EndedSessionFilter(engine, binder)), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
        idp.shutdown();
    }

    URI app(String path) {
        return server.uri(TestServer.CONTEXT + path);
    }

    void signIn(String subject) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), Map.of("email",
                subject + "@example.com", "email_verified", true, "preferred_username", subject, "sid", "sid-" + subject), 3600));
        HttpResponse<String> start = browser.get(app("/accounts/openid_connect/login/"));
        HttpResponse<String> done = browser.get(HttpBrowser.location(browser.get(HttpBrowser.location(start))));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(whoAmI()).isNotEqualTo("anonymous");
    }

    String whoAmI() {
        return browser.get(app("/me")).body();
    }

    HttpResponse<String> signOut(Map<String, String> form) {
        return browser.post(app("/accounts/logout/"), form, "Origin", server.origin());
    }

    @Test
    void signingOutEndsTheSessionGoesToTheIdpAndComesBackToNext() {
        signIn("ada");

        HttpResponse<String> toIdp = signOut(Map.of("next", "/bye/"));

        assertThat(toIdp.statusCode()).isEqualTo(302);
        URI endSession = HttpBrowser.location(toIdp);
        assertThat(endSession.toString()).startsWith(idp.endSessionEndpointUrl("corp").toString());
        Map<String, List<String>> query = LoginDance.query(endSession);
        assertThat(query.get("post_logout_redirect_uri")).containsExactly(server.origin() + "/app/accounts/logout/callback/");
        assertThat(query.get("client_id")).containsExactly(CLIENT_ID);
        assertThat(query).containsKey("id_token_hint");
        assertThat(HttpBrowser.setCookie(toIdp, LogoutTransaction.COOKIE + "=")).hasValueSatisfying(c ->
                assertThat(c).contains("Path=/app/accounts/", "HttpOnly", "SameSite=Lax"));
        assertThat(whoAmI()).isEqualTo("anonymous");

        HttpResponse<String> atIdp = browser.get(endSession);
        assertThat(atIdp.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.get(HttpBrowser.location(atIdp));

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/app/bye/");
        assertThat(browser.cookie(LogoutTransaction.COOKIE)).isEmpty();
        assertThat(fx.errors()).isEmpty();
    }

    @Test
    void aSignOutPostFromAnotherSiteIsRefusedAndTheSessionStays() {
        signIn("ada");

        HttpResponse<String> forged = browser.post(app("/accounts/logout/"), Map.of(), "Origin", "https://evil.example");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf_failed");
        assertThat(whoAmI()).isNotEqualTo("anonymous");
    }

    @Test
    void aSignOutCannotBeSentAnywhereButOurOwnPostLogoutRedirectUriAndNext() {
        signIn("ada");

        HttpResponse<String> toIdp = signOut(Map.of("next", "https://evil.example/", "post_logout_redirect_uri",
                "https://evil.example/"));

        Map<String, List<String>> query = LoginDance.query(HttpBrowser.location(toIdp));
        assertThat(query.get("post_logout_redirect_uri")).containsExactly(server.origin() + "/app/accounts/logout/callback/");
        HttpResponse<String> back = browser.get(HttpBrowser.location(browser.get(HttpBrowser.location(toIdp))));
        assertThat(back.headers().firstValue("Location")).hasValue("/app/");
    }

    @Test
    void aSignOutWithoutSsoSessionIsLocal() {
        HttpResponse<String> out = signOut(Map.of("next", "/bye/"));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue("/app/bye/");
    }

    @Test
    void aLogoutAnswerWithAForeignStateIsAnErrorPage() {
        signIn("ada");
        signOut(Map.of());

        HttpResponse<String> forged = browser.get(app("/accounts/logout/callback/?state=forged-state-0123456789"),
                "Accept", "application/json");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("\"code\":\"logout_state_mismatch\"");
        assertThat(fx.errors()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("sso.logout_state_mismatch"));
    }

    @Test
    void theBackChannelRouteAnswersA400JsonErrorNeverAPage() throws Exception {
        HttpResponse<String> answer = browser.post(app("/accounts/openid_connect/backchannel-logout/"),
                Map.of("logout_token", "not-a-jwt"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_request");
        assertThat(body.get("error_description").asText()).contains("logout token is invalid");
        assertThat(fx.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("sso.logout_token_invalid");
            assertThat(e.path()).isEqualTo("auth:/accounts/openid_connect/backchannel-logout/");
        });
    }

    @Test
    void theBackChannelRouteTakesOnlyPost() {
        assertThat(browser.get(app("/accounts/openid_connect/backchannel-logout/")).statusCode()).isEqualTo(405);
    }
}
