package io.gatehouse.sso.keycloak;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.spi.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatehouse against a real Keycloak: a browser signs in through Keycloak's own login form, groups arrive from the
 * {@code groups} claim as full paths, the callback's {@code iss} is checked (RFC 9207), signing out ends the Keycloak
 * session too (RP-initiated logout), an administrator signing the user out in Keycloak ends the application session
 * (back-channel logout), and refresh works until the Keycloak session is revoked.
 */
@ExtendWith(RealKeycloak.class)
class KeycloakSessionLifecycleTest {
    static final Map<String, String> PASSWORDS = Map.of("ada", "ada-password-1815", "bob", "bob-password-1791");

    static KeycloakServer keycloak;
    static KeycloakAdmin admin;
    static TestApplication app;

    @BeforeAll
    static void start(KeycloakServer server) throws Exception {
        keycloak = server;
        admin = new KeycloakAdmin(server.baseUrl());
        app = new TestApplication(server.baseUrl());
        admin.registerApplication(TestApplication.CLIENT_ID, app.base() + "/accounts/keycloak/login/callback/*",
                app.base() + "/accounts/logout/callback/", app.base() + "/accounts/keycloak/backchannel-logout/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** Begins a login at the application; Keycloak's answer to the authorization request. */
    static HttpResponse<String> beginLogin(KeycloakBrowser browser) {
        HttpResponse<String> start = browser.get(app.uri("/accounts/keycloak/login/?next=/me"));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = KeycloakBrowser.location(start);
        assertThat(authorize.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
        return browser.get(authorize);
    }

    /** Signs in through Keycloak's login form up to Keycloak's redirect back: the callback URL, not yet visited. */
    static URI callbackAfterSignIn(KeycloakBrowser browser, String username) {
        HttpResponse<String> form = beginLogin(browser);
        assertThat(KeycloakBrowser.isLoginForm(form)).as("Keycloak shows its password form").isTrue();
        return callbackAfterForm(browser, form, username);
    }

    static URI callbackAfterForm(KeycloakBrowser browser, HttpResponse<String> form, String username) {
        HttpResponse<String> answer = browser.submitLoginForm(form, username, PASSWORDS.get(username));
        assertThat(answer.statusCode()).as("Keycloak accepts %s's password", username).isEqualTo(302);
        URI callback = KeycloakBrowser.location(answer);
        assertThat(callback.toString()).startsWith(app.base() + "/accounts/keycloak/login/callback/?");
        return callback;
    }

    static String signIn(KeycloakBrowser browser, String username) {
        HttpResponse<String> done = browser.get(callbackAfterSignIn(browser, username));
        assertThat(done.statusCode()).as("callback: %s", done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/app/me");
        String userId = whoAmI(browser);
        assertThat(userId).isNotEqualTo("anonymous");
        return userId;
    }

    static String whoAmI(KeycloakBrowser browser) {
        return browser.get(app.uri("/me")).body();
    }

    static URI withIss(URI callback, String iss) {
        Map<String, List<String>> query = LoginDance.query(callback);
        StringBuilder rebuilt = new StringBuilder();
        query.forEach((name, values) -> {
            if (!name.equals("iss")) {
                values.forEach(v -> rebuilt.append(rebuilt.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            }
        });
        if (iss != null) {
            rebuilt.append("&iss=").append(URLEncoder.encode(iss, StandardCharsets.UTF_8));
        }
        String s = callback.toString();
        return URI.create(s.substring(0, s.indexOf('?') + 1) + rebuilt);
    }

    @Test
    void aUserSignsInThroughKeycloaksLoginFormAndGetsTheGroupsOfTheGroupsClaim() {
        KeycloakBrowser browser = new KeycloakBrowser();

        String userId = signIn(browser, "ada");

        User ada = app.stores.users().findById(userId).orElseThrow();
        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(app.stores.groups().groupNamesOf(userId)).containsExactly("admins");
        assertThat(app.stores.socialAccounts().findByUser(userId)).singleElement().satisfies(a ->
                assertThat(a.extraData().get("groups")).isEqualTo(List.of("/inventree/admins")));
    }

    /** A login's callback URL: through the password form, or at once while the browser is signed in at Keycloak. */
    static URI nextCallback(KeycloakBrowser browser, String username) {
        HttpResponse<String> answer = beginLogin(browser);
        return KeycloakBrowser.isLoginForm(answer) ? callbackAfterForm(browser, answer, username) : KeycloakBrowser.location(answer);
    }

    @Test
    void theCallbacksIssIsCheckedAgainstTheIssuerTheLoginWentTo() {
        KeycloakBrowser browser = new KeycloakBrowser();
        URI first = nextCallback(browser, "bob");
        assertThat(LoginDance.query(first).get("iss")).as("Keycloak sends iss (RFC 9207)").containsExactly(keycloak.issuer().toString());

        HttpResponse<String> wrong = browser.get(withIss(first, "http://127.0.0.1:1/realms/attacker"), "Accept", "application/json");
        HttpResponse<String> missing = browser.get(withIss(nextCallback(browser, "bob"), null), "Accept", "application/json");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"code\":\"" + FailureCode.RESPONSE_ISSUER_MISMATCH.code() + "\"");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"code\":\"" + FailureCode.RESPONSE_ISSUER_MISSING.code() + "\"");
        assertThat(whoAmI(browser)).isEqualTo("anonymous");
        assertThat(browser.get(nextCallback(browser, "bob")).statusCode()).as("the genuine answer signs in").isEqualTo(302);
        assertThat(whoAmI(browser)).isNotEqualTo("anonymous");
    }

    @Test
    void signingOutEndsTheKeycloakSessionSoTheNextSignInShowsThePasswordFormAgain() {
        KeycloakBrowser browser = new KeycloakBrowser();
        signIn(browser, "ada");
        assertThat(KeycloakBrowser.isLoginForm(beginLogin(new KeycloakBrowser()))).isTrue();
        HttpResponse<String> silent = beginLogin(browser);
        assertThat(silent.statusCode()).as("while signed in at Keycloak, a new login needs no password").isEqualTo(302);
        browser.get(KeycloakBrowser.location(silent));

        HttpResponse<String> toKeycloak = browser.post(app.uri("/accounts/logout/"), Map.of("next", "/me"), "Origin", app.origin());
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        assertThat(KeycloakBrowser.location(toKeycloak).toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
        assertThat(whoAmI(browser)).isEqualTo("anonymous");
        HttpResponse<String> atKeycloak = browser.get(KeycloakBrowser.location(toKeycloak));
        assertThat(atKeycloak.statusCode()).as("Keycloak logs out without asking: %s", atKeycloak.body()).isEqualTo(302);
        HttpResponse<String> back = browser.get(KeycloakBrowser.location(atKeycloak));

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/app/me");
        assertThat(KeycloakBrowser.isLoginForm(beginLogin(browser))).as("the Keycloak session has ended").isTrue();
    }

    @Test
    void anAdministratorSigningTheUserOutInKeycloakEndsTheApplicationSession() throws Exception {
        KeycloakBrowser browser = new KeycloakBrowser();
        signIn(browser, "bob");

        admin.signOut("bob");

        // Keycloak calls the back-channel logout URI while it handles the admin's request; allow for a slow machine
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        while (!whoAmI(browser).equals("anonymous") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
        assertThat(whoAmI(browser)).isEqualTo("anonymous");
        assertThat(app.stores.errorLog().list(0, 50)).noneMatch(e -> e.kind().startsWith("sso.logout"));
    }

    @Test
    void refreshRenewsTheAccessTokenUntilTheKeycloakSessionIsRevokedThenFailsTyped() throws Exception {
        KeycloakBrowser browser = new KeycloakBrowser();
        String userId = signIn(browser, "ada");
        String first = ((TokenOutcome.Current) app.engine.tokens().current(userId, TestApplication.ROUTE, app.base())).accessToken();

        TokenOutcome refreshed = app.engine.tokens().refresh(userId, TestApplication.ROUTE, app.base());

        assertThat(refreshed).isInstanceOf(TokenOutcome.Current.class);
        TokenOutcome.Current renewed = (TokenOutcome.Current) refreshed;
        assertThat(renewed.refreshed()).isTrue();
        assertThat(renewed.accessToken()).isNotEqualTo(first);
        assertThat(userInfoStatus(renewed.accessToken())).as("Keycloak accepts the new token").isEqualTo(200);

        admin.signOut("ada");
        TokenOutcome revoked = app.engine.tokens().refresh(userId, TestApplication.ROUTE, app.base());

        assertThat(revoked).isInstanceOfSatisfying(TokenOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.REFRESH_REVOKED));
        String uid = app.stores.socialAccounts().findByUser(userId).get(0).uid();
        assertThat(app.stores.socialAccounts().findToken(TestApplication.ROUTE, uid)).as("the stored tokens were cleared").isEmpty();
    }

    static int userInfoStatus(String accessToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
