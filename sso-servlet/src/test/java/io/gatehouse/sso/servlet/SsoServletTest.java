package io.gatehouse.sso.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.i18n.Messages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.User;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet on a real Jetty under {@code /app}, against a real OpenID Connect server
 * (mock-oauth2-server), driven through HTTP hop by hop as a browser would.
 */
class SsoServletTest {
    static final String CLIENT_ID = "inventree";
    static final String PROVIDER = "openid_connect";
    static final ObjectMapper JSON = new ObjectMapper();

    MockOAuth2Server idp;
    EngineFixture fx;
    LoginEngine engine;
    TestServer server;
    HttpBrowser browser = new HttpBrowser();

    @BeforeEach
    void setUp() {
        // a fresh IdP per test: its queue of token callbacks must not leak from one test into the next
        idp = new MockOAuth2Server();
        idp.start();
        fx = new EngineFixture();
        fx.addApp(PROVIDER, "Corp IdP", CLIENT_ID, "s3cret-client-value", Map.of("server_url", idp.issuerUrl("corp").toString()));
        engine = fx.engine(new OpenIdConnectBackend());
        server = TestServer.with(SsoServlet.builder(engine).build());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        idp.shutdown();
    }

    void nextUser(String subject, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(Map.of("email", subject + "@example.com", "email_verified", true,
                "preferred_username", subject, "given_name", "Ada", "family_name", "Lovelace"));
        all.putAll(claims);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), all, 3600));
    }

    URI app(String path) {
        return server.uri(TestServer.CONTEXT + path);
    }

    /** GET the login URL; the answer must be the redirect to the IdP. */
    HttpResponse<String> startLogin(String query) {
        return startLogin(browser, query);
    }

    HttpResponse<String> startLogin(HttpBrowser b, String query) {
        HttpResponse<String> start = b.get(app("/accounts/" + PROVIDER + "/login/" + query));
        assertThat(start.statusCode()).isEqualTo(302);
        return start;
    }

    /** Follows the redirect to the IdP, which answers with a redirect to our callback; returns the callback URL. */
    URI atIdp(HttpResponse<String> toIdp) {
        HttpResponse<String> idpAnswer = browser.get(HttpBrowser.location(toIdp));
        assertThat(idpAnswer.statusCode()).isEqualTo(302);
        return HttpBrowser.location(idpAnswer);
    }

    /** The whole dance for a user; returns the callback's answer. */
    HttpResponse<String> loginAs(String subject, Map<String, Object> claims, String query) {
        return loginAs(browser, subject, claims, query);
    }

    HttpResponse<String> loginAs(HttpBrowser b, String subject, Map<String, Object> claims, String query) {
        nextUser(subject, claims);
        // the IdP keeps no cookies of ours, so any client may fetch its redirect
        return b.get(atIdp(startLogin(b, query)));
    }

    String whoAmI() {
        return browser.get(app("/me")).body();
    }

    String signedInUserId(String subject) {
        HttpResponse<String> callback = loginAs(subject, Map.of(), "");
        assertThat(callback.statusCode()).isEqualTo(302);
        return whoAmI();
    }

    static String state(URI authorizationRequest) {
        return LoginDance.query(authorizationRequest).get("state").get(0);
    }

    // ------------------------------------------------------------------ provider list

    @Test
    void theProviderListShowsUsableAppsWithLoginUrlsAndTheFlagsALoginPageNeeds() throws IOException {
        HttpResponse<String> answer = browser.get(app("/accounts/providers"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("sso_enabled").asBoolean()).isTrue();
        assertThat(body.get("sso_registration").asBoolean()).isTrue();
        assertThat(body.get("email_configured").asBoolean()).isTrue();
        assertThat(body.get("providers")).hasSize(1);
        JsonNode provider = body.get("providers").get(0);
        assertThat(provider.get("id").asText()).isEqualTo(PROVIDER);
        assertThat(provider.get("name").asText()).isEqualTo("Corp IdP");
        assertThat(provider.get("login_url").asText()).isEqualTo(server.origin() + "/app/accounts/openid_connect/login/");
    }

    @Test
    void theProviderListIsEmptyWhileSsoIsOff() throws IOException {
        fx.set(SettingKey.LOGIN_ENABLE_SSO, "false");

        JsonNode body = JSON.readTree(browser.get(app("/accounts/providers")).body());

        assertThat(body.get("sso_enabled").asBoolean()).isFalse();
        assertThat(body.get("sso_registration").asBoolean()).isFalse();
        assertThat(body.get("providers")).isEmpty();
    }

    @Test
    void theProviderListTellsWhenRegistrationIsOffOrMailIsMissing() throws IOException {
        fx.set(SettingKey.LOGIN_ENABLE_SSO_REG, "false");
        fx.mailer.unconfigured();

        JsonNode body = JSON.readTree(browser.get(app("/accounts/providers")).body());

        assertThat(body.get("sso_enabled").asBoolean()).isTrue();
        assertThat(body.get("sso_registration").asBoolean()).isFalse();
        assertThat(body.get("email_configured").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ login

    @Test
    void loginRedirectsToTheIdpAndSetsTheTransactionCookieWithTheEngineAttributes() {
        HttpResponse<String> start = startLogin("?next=/parts/");

        URI location = HttpBrowser.location(start);
        assertThat(location.toString()).startsWith(idp.issuerUrl("corp").toString());
        assertThat(LoginDance.query(location).get("redirect_uri"))
                .containsExactly(server.origin() + "/app/accounts/openid_connect/login/callback/");
        String cookie = HttpBrowser.setCookie(start, "gatehouse_tx_").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/app/accounts/")
                .contains("Max-Age=600").doesNotContain("Secure");
        assertThat(cookie).startsWith(io.gatehouse.sso.core.transaction.TransactionCookie.nameFor(state(location)) + "=");
        assertThat(start.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(start.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void theTransactionCookieIsSecureWhenTheSiteIsHttps() throws Exception {
        server.close();
        server = TestServer.with(SsoServlet.builder(fx.engine(Map.of("login_default_protocol", "https"), new OpenIdConnectBackend())).build());

        HttpResponse<String> start = browser.get(app("/accounts/" + PROVIDER + "/login/"));

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.setCookie(start, "gatehouse_tx_").orElseThrow()).contains("Secure");
        assertThat(LoginDance.query(HttpBrowser.location(start)).get("redirect_uri").get(0)).startsWith("https://localhost:");
    }

    @Test
    void theWholeRedirectDanceSignsTheUserInAndLandsOnNext() {
        nextUser("ada", Map.of());
        HttpResponse<String> start = startLogin("?next=/parts/%3Fcat%3D4");
        URI callback = atIdp(start);
        assertThat(callback.getPath()).isEqualTo("/app/accounts/openid_connect/login/callback/");
        assertThat(LoginDance.query(callback)).containsKeys("code", "state");

        HttpResponse<String> done = browser.get(callback);

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/app/parts/?cat=4");
        assertThat(done.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(HttpBrowser.setCookie(done, "JSESSIONID")).isPresent();
        String cleared = HttpBrowser.setCookie(done, io.gatehouse.sso.core.transaction.TransactionCookie.nameFor(state(HttpBrowser.location(start)))).orElseThrow();
        assertExpired(cleared);
        assertThat(cleared).contains("Path=/app/accounts/");
        User ada = fx.store.findByUsername("ada").orElseThrow();
        assertThat(whoAmI()).isEqualTo(ada.id());
    }

    @Test
    void signingInIssuesANewSessionId() {
        browser.get(app("/me?touch"));
        String planted = browser.cookie("JSESSIONID").orElseThrow();

        loginAs("ada", Map.of(), "");

        assertThat(browser.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(planted);
        assertThat(whoAmI()).isEqualTo(fx.store.findByUsername("ada").orElseThrow().id());
    }

    @Test
    void signingInAsAnotherUserReplacesThePreviousUsersSession() {
        String adaId = signedInUserId("ada");

        String bobId = signedInUserId("bob");

        assertThat(bobId).isNotEqualTo(adaId).isEqualTo(fx.store.findByUsername("bob").orElseThrow().id());
    }

    @Test
    void anOffSiteNextBecomesTheApplicationRoot() {
        HttpResponse<String> done = loginAs("ada", Map.of(), "?next=https://evil.example/");

        assertThat(done.headers().firstValue("Location")).hasValue("/app/");
    }

    @Test
    void loginByPostNeedsASameOriginRequest() {
        HttpResponse<String> forged = browser.post(app("/accounts/" + PROVIDER + "/login/"), Map.of("next", "/"),
                "Origin", "https://evil.example");
        HttpResponse<String> own = browser.post(app("/accounts/" + PROVIDER + "/login/"), Map.of("next", "/"),
                "Origin", server.origin());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf_failed");
        assertThat(fx.errors()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("sso.csrf_failed");
            assertThat(e.path()).isEqualTo("auth:/accounts/" + PROVIDER + "/login");
        });
        assertThat(own.statusCode()).isEqualTo(302);
    }

    @Test
    void aRefererFromThisSiteIsEnoughWhenTheBrowserSendsNoOrigin() {
        HttpResponse<String> answer = browser.post(app("/accounts/" + PROVIDER + "/login/"), Map.of(),
                "Referer", server.origin() + "/app/login");

        assertThat(answer.statusCode()).isEqualTo(302);
    }

    @Test
    void aProviderThatIsNotEnabledIsNotFound() throws IOException {
        HttpResponse<String> answer = browser.get(app("/accounts/github/login/"), "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("provider_not_enabled");
    }

    // ------------------------------------------------------------------ connect and disconnect

    @Test
    void connectLinksAnotherIdentityToTheSignedInUser() {
        String adaId = signedInUserId("ada");
        nextUser("ada-work", Map.of("email", "ada@work.example"));

        HttpResponse<String> start = browser.post(app("/accounts/" + PROVIDER + "/login/"),
                Map.of("process", "connect", "next", "/settings/"), "Origin", server.origin());
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> done = browser.get(atIdp(start));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/app/settings/");
        assertThat(fx.store.findByUser(adaId)).extracting(SocialAccount::uid).containsExactlyInAnyOrder("ada", "ada-work");
        assertThat(whoAmI()).isEqualTo(adaId);
    }

    @Test
    void connectIsRefusedByGetBecauseALinkCouldTriggerIt() {
        signedInUserId("ada");

        HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/?process=connect"));

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void connectNeedsASignedInUser() {
        HttpResponse<String> answer = browser.post(app("/accounts/" + PROVIDER + "/login/"), Map.of("process", "connect"),
                "Origin", server.origin());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("not_signed_in");
        assertThat(fx.errors()).extracting(e -> e.kind()).contains("sso.not_signed_in");
    }

    @Test
    void disconnectRemovesTheLinkAndReturnsToNext() {
        String adaId = signedInUserId("ada");

        HttpResponse<String> answer = browser.post(app("/accounts/" + PROVIDER + "/disconnect/"),
                Map.of("uid", "ada", "next", "/settings/"), "Origin", server.origin());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue("/app/settings/");
        assertThat(fx.store.findByUser(adaId)).isEmpty();
    }

    @Test
    void disconnectAnswersJsonWhenAskedTo() throws IOException {
        signedInUserId("ada");

        HttpResponse<String> answer = browser.post(app("/accounts/" + PROVIDER + "/disconnect/"), Map.of("uid", "ada"),
                "Origin", server.origin(), "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("disconnected").asBoolean()).isTrue();
    }

    @Test
    void disconnectWithoutASameOriginHeaderIsRefusedAndKeepsTheLink() {
        String adaId = signedInUserId("ada");

        HttpResponse<String> answer = browser.post(app("/accounts/" + PROVIDER + "/disconnect/"), Map.of("uid", "ada"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(fx.store.findByUser(adaId)).hasSize(1);
    }

    @Test
    void disconnectOfAnotherUsersIdentityChangesNothing() {
        String adaId = signedInUserId("ada");
        HttpBrowser bob = new HttpBrowser();
        assertThat(loginAs(bob, "bob", Map.of(), "").statusCode()).isEqualTo(302);

        HttpResponse<String> answer = bob.post(app("/accounts/" + PROVIDER + "/disconnect/"), Map.of("uid", "ada"),
                "Origin", server.origin());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("not_connected");
        assertThat(fx.store.findByUser(adaId)).hasSize(1);
    }

    @Test
    void disconnectNeedsASignedInUser() {
        HttpResponse<String> answer = browser.post(app("/accounts/" + PROVIDER + "/disconnect/"), Map.of("uid", "ada"),
                "Origin", server.origin());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("not_signed_in");
    }

    // ------------------------------------------------------------------ sign-up with auto-fill off

    @Test
    void withAutoFillOffTheUserCompletesASignupFormFirst() {
        fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");

        HttpResponse<String> callback = loginAs("ada", Map.of(), "?next=/welcome/");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/app/accounts/signup/");
        assertThat(fx.store.findByUsername("ada")).isEmpty();
        HttpResponse<String> form = browser.get(HttpBrowser.location(callback));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"").contains("value=\"ada\"").contains("value=\"ada@example.com\"")
                .contains("value=\"Ada\"").contains("value=\"Lovelace\"").contains("Corp IdP")
                .contains("action=\"/app/accounts/signup/\"");
        assertThat(whoAmI()).isEqualTo("anonymous");

        HttpResponse<String> done = browser.post(app("/accounts/signup/"), Map.of("username", "ada_l",
                "email", "ada@example.com", "first_name", "Ada", "last_name", "L."), "Origin", server.origin());

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/app/welcome/");
        User ada = fx.store.findByUsername("ada_l").orElseThrow();
        assertThat(ada.lastName()).isEqualTo("L.");
        assertThat(whoAmI()).isEqualTo(ada.id());
        assertThat(browser.get(app("/accounts/signup/")).statusCode()).isEqualTo(400);
    }

    @Test
    void anInvalidUsernameShowsTheFormAgainWithoutEndingTheSignup() {
        fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
        loginAs("ada", Map.of(), "");

        HttpResponse<String> retry = browser.post(app("/accounts/signup/"), Map.of("username", "no spaces!",
                "email", "ada@example.com"), "Origin", server.origin());

        assertThat(retry.statusCode()).isEqualTo(400);
        assertThat(retry.body()).contains("gatehouse-form-error").contains("value=\"no spaces!\"");
        HttpResponse<String> done = browser.post(app("/accounts/signup/"), Map.of("username", "ada",
                "email", "ada@example.com"), "Origin", server.origin());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(fx.store.findByUsername("ada")).isPresent();
    }

    @Test
    void theSignupFormEscapesWhatTheIdpSent() {
        fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
        loginAs("ada", Map.of("given_name", "<script>alert(1)</script>\"'"), "");

        String form = browser.get(app("/accounts/signup/")).body();

        assertThat(form).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;");
    }

    @Test
    void theSignupFormPostNeedsASameOriginRequest() {
        fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
        loginAs("ada", Map.of(), "");

        HttpResponse<String> forged = browser.post(app("/accounts/signup/"), Map.of("username", "mallory",
                "email", "mallory@evil.example"), "Origin", "https://evil.example");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(fx.store.findByUsername("mallory")).isEmpty();
    }

    @Test
    void theSignupFormWithoutAPendingSignupIsRefused() {
        HttpResponse<String> answer = browser.get(app("/accounts/signup/"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("signup_invalid");
    }

    // ------------------------------------------------------------------ email confirmation

    @Test
    void anUnverifiedEmailShowsCheckYourMailAndTheLinkActivatesAndSignsIn() {
        HttpResponse<String> callback = loginAs("ada", Map.of("email_verified", false), "");

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.body()).contains("gatehouse-check-mail").contains("ada@example.com");
        assertThat(whoAmI()).isEqualTo("anonymous");
        URI link = confirmationLink();
        assertThat(link.getPath()).startsWith("/app/accounts/confirm-email/");

        HttpResponse<String> confirmPage = browser.get(link);
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("method=\"post\"");
        assertThat(fx.store.findByUsername("ada").orElseThrow().active()).isFalse();

        HttpResponse<String> confirmed = browser.post(link, Map.of(), "Origin", server.origin());

        assertThat(confirmed.statusCode()).isEqualTo(302);
        User ada = fx.store.findByUsername("ada").orElseThrow();
        assertThat(ada.active()).isTrue();
        assertThat(whoAmI()).isEqualTo(ada.id());
    }

    @Test
    void aConfirmationLinkOpenedInAnotherBrowserActivatesButDoesNotSignIn() {
        loginAs("ada", Map.of("email_verified", false), "");
        HttpBrowser other = new HttpBrowser();

        HttpResponse<String> confirmed = other.post(confirmationLink(), Map.of(), "Origin", server.origin());

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("gatehouse-email-confirmed");
        assertThat(fx.store.findByUsername("ada").orElseThrow().active()).isTrue();
        assertThat(other.get(app("/me")).body()).isEqualTo("anonymous");
    }

    @Test
    void aConfirmationLinkWorksOnce() {
        loginAs("ada", Map.of("email_verified", false), "");
        URI link = confirmationLink();
        browser.post(link, Map.of(), "Origin", server.origin());

        HttpResponse<String> again = browser.post(link, Map.of(), "Origin", server.origin());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("confirmation_invalid");
    }

    URI confirmationLink() {
        MailMessage mail = fx.mailer.sent().get(fx.mailer.sent().size() - 1);
        Matcher m = Pattern.compile("http://\\S+/accounts/confirm-email/\\S+/").matcher(mail.text());
        assertThat(m.find()).isTrue();
        return URI.create(m.group());
    }

    // ------------------------------------------------------------------ failures

    @Test
    void aForgedCallbackWithoutTheCookieGetsA400PageWithTheErrorLogId() {
        HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?code=abc&state=forged"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String id = fx.errors().get(0).id();
        assertThat(fx.errors().get(0).kind()).isEqualTo("sso.transaction_missing");
        assertThat(answer.body()).contains("transaction_missing").contains("<code>" + id + "</code>")
                .contains("class=\"gatehouse gatehouse-error\"");
        assertNoStackTrace(answer.body());
        assertSecurityHeaders(answer);
    }

    @Test
    void aFailureIsJsonWhenTheClientAsksForJson() throws IOException {
        HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?code=abc&state=forged"),
                "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("code").asText()).isEqualTo("transaction_missing");
        assertThat(body.get("message").asText()).contains("start again");
        assertThat(body.get("error_log_id").asText()).isEqualTo(fx.errors().get(0).id());
        assertNoStackTrace(answer.body());
    }

    @Test
    void anIdpAccessDeniedAnswerIsACancelledSignIn() {
        HttpResponse<String> start = startLogin("?next=/parts/");
        String state = state(HttpBrowser.location(start));

        HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?error=access_denied&state=" + state));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("cancelled").contains("href=\"/app/parts/\"");
        assertThat(fx.errors()).extracting(e -> e.kind()).containsExactly("sso.cancelled");
        assertExpired(HttpBrowser.setCookie(answer, io.gatehouse.sso.core.transaction.TransactionCookie.nameFor(state)).orElseThrow());
        assertThat(whoAmI()).isEqualTo("anonymous");
    }

    @Test
    void aReplayedCallbackIsRefused() {
        nextUser("ada", Map.of());
        URI callback = atIdp(startLogin(""));
        browser.get(callback);
        HttpBrowser attacker = new HttpBrowser();

        HttpResponse<String> replay = attacker.get(callback);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(attacker.get(app("/me")).body()).isEqualTo("anonymous");
    }

    @Test
    void signupClosedIsA403PolicyRefusal() {
        fx.set(SettingKey.LOGIN_ENABLE_SSO_REG, "false");

        HttpResponse<String> answer = loginAs("ada", Map.of(), "");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("signup_closed");
    }

    @Test
    void anInvalidHostHeaderGetsA400PageWithoutAStackTrace() throws IOException {
        String answer = RawHttp.exchange(server.port(), "GET /app/accounts/openid_connect/login/ HTTP/1.1\r\n"
                + "Host: bad_host.example\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("bad_request").contains("gatehouse-error");
        assertNoStackTrace(answer);
    }

    @Test
    void anUnknownAddressIsA404AndAWrongMethodA405() {
        HttpResponse<String> unknown = browser.get(app("/accounts/nothing/here/at/all/"));
        HttpResponse<String> wrong = browser.post(app("/accounts/providers"), Map.of(), "Origin", server.origin());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void anExceptionInTheHostsCodeBecomesA500PageThatRevealsNothing() throws Exception {
        server.close();
        SessionBinder broken = new SessionBinder() {
            @Override
            public void signIn(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, User user) {
                throw new IllegalStateException("db password is hunter2-very-secret");
            }

            @Override
            public java.util.Optional<String> currentUserId(jakarta.servlet.http.HttpServletRequest request) {
                return java.util.Optional.empty();
            }
        };
        server = TestServer.with(SsoServlet.builder(engine).sessionBinder(broken).build());

        HttpResponse<String> html = loginAs("ada", Map.of(), "");

        assertThat(html.statusCode()).isEqualTo(500);
        assertThat(html.body()).contains("internal_error").doesNotContain("hunter2");
        assertNoStackTrace(html.body());
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("target", "test.log"))).doesNotContain("hunter2");
    }

    /** Jetty spells Max-Age=0 as an Expires date in the past. */
    static void assertExpired(String setCookie) {
        assertThat(setCookie).satisfiesAnyOf(c -> assertThat(c).contains("Max-Age=0"),
                c -> assertThat(c).contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
    }

    static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.gatehouse")
                .doesNotContain("at org.eclipse");
    }

    static void assertSecurityHeaders(HttpResponse<?> answer) {
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
    }

    // ------------------------------------------------------------------ in the reader's language

    /**
     * The pages, failures and the confirmation mail in the language the browser asks for (English and German shipped,
     * English otherwise), with a {@code lang} that says so; a host adds a language with a properties file alone.
     */
    @Nested
    class InTheReadersLanguage {
        static final String GERMAN = "de-DE,de;q=0.9,en;q=0.5";

        HttpResponse<String> loginInGerman(String subject, Map<String, Object> claims) {
            nextUser(subject, claims);
            return browser.get(atIdp(startLogin("")), "Accept-Language", "de");
        }

        @Test
        void aFailurePageIsInGermanWhenTheBrowserAsksForGerman() {
            HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?code=abc&state=forged"),
                    "Accept-Language", GERMAN);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Language")).hasValue("de");
            assertThat(answer.body()).contains("<html lang=\"de\"", "<title>Anmeldung fehlgeschlagen</title>",
                    Html.escape(Messages.of().text(Locale.GERMAN, FailureCode.TRANSACTION_MISSING.messageKey())),
                    "Fehlercode:", "Referenz für Ihren Administrator:", ">Weiter</a>");
        }

        @Test
        void anUnknownLanguageGetsTheEnglishPageMarkedAsEnglish() {
            HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?code=abc&state=forged"),
                    "Accept-Language", "ja, zh;q=0.8");

            assertThat(answer.body()).contains("<html lang=\"en\"", "<title>Sign-in failed</title>",
                    Html.escape(FailureCode.TRANSACTION_MISSING.message()));
        }

        @Test
        void aJsonFailureCarriesTheGermanMessage() throws IOException {
            HttpResponse<String> answer = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?code=abc&state=forged"),
                    "Accept", "application/json", "Accept-Language", "de");

            assertThat(new ObjectMapper().readTree(answer.body()).get("message").asText())
                    .isEqualTo("Der Anmeldevorgang wurde nicht gefunden; bitte beginnen Sie erneut (sind Cookies erlaubt?).");
        }

        @Test
        void theServletsOwnRefusalsAreInGerman() {
            HttpResponse<String> missing = browser.get(app("/accounts/nowhere/at/all/"), "Accept-Language", "de");
            HttpResponse<String> wrongMethod = browser.post(app("/accounts/" + PROVIDER + "/login/callback/"), Map.of(),
                    "Accept-Language", "de", "Origin", server.origin());

            assertThat(missing.body()).contains("Diese Seite gibt es nicht.");
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(wrongMethod.body()).contains("Diese Adresse nimmt keine POST-Anfragen an.");
        }

        @Test
        void aSignOutAnswerThatIsNotOursSaysSignedOutInGerman() {
            HttpResponse<String> forged = browser.get(app("/accounts/logout/callback/?state=forged-state-0123456789"),
                    "Accept-Language", "de");

            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("<html lang=\"de\"", "<h1 class=\"gatehouse-title\">Abgemeldet</h1>",
                    "Sie sind hier abgemeldet, aber die Antwort des Identitätsanbieters gehört nicht zu dieser Abmeldung.");
        }

        @Test
        void theSignupFormIsInGermanWithAutocompleteAndTiesARefusedValueToItsField() {
            fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
            loginInGerman("ada", Map.of());

            String form = browser.get(app("/accounts/signup/"), "Accept-Language", "de").body();
            HttpResponse<String> retry = browser.post(app("/accounts/signup/"), Map.of("username", "no spaces!",
                    "email", "ada@example.com"), "Origin", server.origin(), "Accept-Language", "de");

            assertThat(form).contains("<html lang=\"de\"", "<title>Registrieren</title>", "Sie melden sich zum ersten Mal mit Corp IdP an.",
                    ">Benutzername</label>", "autocomplete=\"username\"", "autocomplete=\"email\"", "autocomplete=\"given-name\"",
                    "autocomplete=\"family-name\"", ">Konto anlegen</button>");
            assertThat(retry.statusCode()).isEqualTo(400);
            assertThat(retry.body()).contains("role=\"alert\" id=\"gatehouse-error\"",
                            "Wählen Sie einen Benutzernamen aus bis zu 30 Buchstaben")
                    .containsPattern("name=\"username\"[^>]*aria-invalid=\"true\" aria-describedby=\"gatehouse-error\"")
                    .doesNotContainPattern("name=\"email\"[^>]*aria-invalid");
        }

        @Test
        void aGermanReaderGetsTheCheckMailPageAndTheConfirmationMailInGerman() {
            HttpResponse<String> callback = loginInGerman("ada", Map.of("email_verified", false));

            assertThat(callback.body()).contains("<html lang=\"de\"", "Bestätigen Sie Ihre E-Mail-Adresse",
                    "Wir haben einen Bestätigungslink an <strong>ada@example.com</strong> gesendet.");
            MailMessage mail = fx.mailer.sent().get(fx.mailer.sent().size() - 1);
            assertThat(mail.subject()).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse");
            assertThat(mail.text()).startsWith("Hallo ada,").contains("bitte bestätigen Sie Ihre E-Mail-Adresse");
            assertThat(mail.html()).startsWith("<div lang=\"de\">").contains(">Meine E-Mail-Adresse bestätigen</a>");
            String link = mail.text().lines().filter(l -> l.contains("/accounts/confirm-email/")).findFirst().orElseThrow();

            String confirmPage = browser.get(URI.create(link.strip()), "Accept-Language", "de").body();
            String confirmed = new HttpBrowser().post(URI.create(link.strip()), Map.of(), "Origin", server.origin(),
                    "Accept-Language", "de").body();

            assertThat(confirmPage).contains("<html lang=\"de\"", ">Bestätigen</button>");
            assertThat(confirmed).contains("<html lang=\"de\"", "E-Mail-Adresse bestätigt", "Ihr Konto ist aktiv.");
        }

        @Test
        void aHostAddsALanguageWithAPropertiesFileAndTheRestFallsBackToEnglish(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("gatehouse-messages_fr.properties"),
                    "page.error.title=Échec de la connexion\nfailure.transaction_missing=Session introuvable.\n", StandardCharsets.UTF_8);
            Messages withFrench = Messages.of(List.of(Messages.HOST_BUNDLE, SsoServlet.MESSAGES_BUNDLE, Messages.CORE_BUNDLE),
                    new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader()));
            server.close();
            server = TestServer.with(SsoServlet.builder(engine).messages(withFrench)
                    .pageRenderer(new MinimalPageRenderer(null, withFrench)).build());

            String page = browser.get(app("/accounts/" + PROVIDER + "/login/callback/?code=abc&state=forged"),
                    "Accept-Language", "fr-CH, fr;q=0.9").body();

            assertThat(page).contains("<html lang=\"fr\"", "<title>Échec de la connexion</title>", "Session introuvable.",
                    "Error code:", ">Continue</a>");
        }
    }
}
