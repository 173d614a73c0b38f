package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.AccessTokens;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spring.testapp.Browser;
import io.gatehouse.sso.spring.testapp.LocalPeers;
import io.gatehouse.sso.spring.testapp.SignInTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's logout continuing at the IdP (RP-Initiated Logout), the IdP's back-channel logout ending the
 * Spring Security session, and token refresh as a bean, against a real OpenID Connect server.
 */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringSecurityLogoutTest {
    private static final LocalPeers PEERS = new LocalPeers();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        PEERS.register(registry, "logout");
    }

    @AfterAll
    static void stopPeers() {
        PEERS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    SettingsStore settings;
    @Autowired
    AccessTokens tokens;
    @Autowired
    UserDirectory users;

    private Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(base());
        settings.put("LOGIN_SIGNUP_SSO_AUTO", "true");
    }

    @Test
    void springSecuritysLogoutSendsTheBrowserToTheIdpsEndSessionEndpointWithTheLogoutParameters() {
        signIn("alice");

        HttpResponse<String> logout = logout("/me");

        assertThat(logout.statusCode()).isEqualTo(302);
        String location = Browser.location(logout);
        assertThat(location).startsWith(PEERS.issuer() + "/endsession?");
        Map<String, String> query = UriComponentsBuilder.fromUriString(location).build(true).getQueryParams().toSingleValueMap();
        assertThat(query.get("id_token_hint")).isNotBlank();
        assertThat(query.get("client_id")).isEqualTo(LocalPeers.CLIENT_ID);
        assertThat(decoded(query.get("post_logout_redirect_uri"))).isEqualTo(base() + "/accounts/logout/callback/");
        assertThat(query.get("state")).isNotBlank();
        assertThat(browser.get("/me").statusCode()).isEqualTo(403);
    }

    @Test
    void theIdpSendsTheBrowserBackToTheLogoutCallbackWhichChecksTheStateAndGoesToNext() {
        signIn("bob");
        HttpResponse<String> atIdp = browser.follow(logout("/after-logout"));
        assertThat(atIdp.statusCode()).isEqualTo(302);
        assertThat(Browser.location(atIdp)).startsWith(base() + "/accounts/logout/callback/?state=");

        HttpResponse<String> back = browser.follow(atIdp);

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(Browser.location(back)).isEqualTo(base() + "/after-logout");
    }

    @Test
    void aLogoutCallbackWithAStateTheLogoutDidNotIssueIsRefused() {
        signIn("carol");
        logout("/");

        HttpResponse<String> forged = browser.get("/accounts/logout/callback/?state=not-the-state-we-sent");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(browser.get("/me").statusCode()).isEqualTo(403);
    }

    @Test
    void aBackChannelLogoutTokenFromTheIdpEndsTheSpringSecuritySessionOnTheNextRequest() {
        signIn("dave");
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
        Browser idp = new Browser(base());

        // server to server: no session, no CSRF token, only the signed logout token
        HttpResponse<String> answer = idp.post("/accounts/" + LocalPeers.PROVIDER + "/backchannel-logout/",
                Map.of("logout_token", PEERS.logoutToken("dave")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(browser.get("/me").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).isEqualTo("home");
    }

    @Test
    void aBackChannelLogoutTokenOfAnotherUserLeavesTheSessionAlone() {
        signIn("erin");
        Browser idp = new Browser(base());

        idp.post("/accounts/" + LocalPeers.PROVIDER + "/backchannel-logout/", Map.of("logout_token", PEERS.logoutToken("someone-else")));

        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedBackChannelLogoutIsRefusedWith400AndEndsNothing() {
        signIn("frank");
        Browser attacker = new Browser(base());

        HttpResponse<String> answer = attacker.post("/accounts/" + LocalPeers.PROVIDER + "/backchannel-logout/",
                Map.of("logout_token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJmcmFuayJ9."));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"invalid_request\"");
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void theAccessTokensBeanRefreshesTheSignedInUsersToken() {
        signIn("gina");
        String userId = users.findByUsername("gina").orElseThrow().id();

        TokenOutcome refreshed = tokens.refresh(userId, LocalPeers.PROVIDER, base());

        assertThat(refreshed).isInstanceOfSatisfying(TokenOutcome.Current.class, current -> {
            assertThat(current.refreshed()).isTrue();
            assertThat(current.accessToken()).isNotBlank();
        });
    }

    private void signIn(String user) {
        PEERS.nextLoginIs(user, Map.of("groups", List.of("/corp/staff")));
        HttpResponse<String> callback = browser.signIn(LocalPeers.PROVIDER, "/me");
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> logout(String next) {
        return browser.post("/logout", Map.of("_csrf", Browser.csrfToken(browser.get("/csrf").body()), "next", next));
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }

    private static String decoded(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
