package io.gatehouse.sso.demo;

import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's pages over plain HTTP against the app running in-process (real Jetty, H2, Demo IdP, GreenMail):
 * the admin gate, CSRF tokens, settings validation, write-only secrets, and a sign-in through the Demo IdP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPagesTest {
    DemoApp app;
    DemoHttpBrowser browser;

    @BeforeAll
    void startDemo() {
        app = TestDemo.start();
    }

    @AfterAll
    void stopDemo() {
        app.close();
    }

    @BeforeEach
    void freshBrowser() {
        browser = new DemoHttpBrowser(app.baseUri());
    }

    String setting(String key) {
        return app.stores().settings().get(key).orElse(null);
    }

    /** Every setting as the form sends it, with {@code changes} applied. */
    Map<String, String> settingsForm(Map<String, String> changes) {
        Map<String, String> form = new LinkedHashMap<>();
        for (io.gatehouse.sso.core.settings.SettingKey key : io.gatehouse.sso.core.settings.SettingKey.values()) {
            form.put(key.name(), app.stores().settings().get(key.name()).orElse(key.defaultValue()));
        }
        form.putAll(changes);
        return form;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static String claims(String username, String email, boolean verified, String groupsJson, String extra) {
        return "{\"preferred_username\": \"" + username + "\", \"email\": \"" + email + "\", \"email_verified\": " + verified
                + ", \"groups\": " + groupsJson + extra + "}";
    }

    // ------------------------------------------------------------------ admin gate

    @Test
    void adminPagesSendAnAnonymousVisitorToTheAdminSignIn() {
        for (String page : List.of("/admin/", "/admin/apps", "/admin/apps/new", "/admin/settings", "/admin/errors", "/admin/inbox")) {
            HttpResponse<String> answer = browser.get(page);

            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l)
                    .startsWith("/admin/login?next=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void anAdminPostWithoutTheAdminSignInChangesNothing() {
        String before = setting("SSO_GROUP_KEY");

        HttpResponse<String> answer = browser.submit("/admin/login", "/admin/settings", settingsForm(Map.of("SSO_GROUP_KEY", "roles")));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("id=\"admin-required\"");
        assertThat(setting("SSO_GROUP_KEY")).isEqualTo(before);
    }

    @Test
    void aWrongAdminPasswordIsRefused() {
        HttpResponse<String> answer = browser.submit("/admin/login", "/admin/login",
                Map.of("username", "admin", "password", "not-" + app.adminPassword()));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Wrong user name or password");
        assertThat(browser.get("/admin/apps").statusCode()).isEqualTo(302);
    }

    @Test
    void theAdminSignInLeadsBackToTheRequestedPageButNeverOffSite() {
        String token = DemoHttpBrowser.csrfToken(browser.get("/admin/login").body());

        HttpResponse<String> answer = browser.post("/admin/login", Map.of("username", "admin", "password", app.adminPassword(),
                "next", "//evil.example/admin/", SessionCsrfTokens.FIELD, token));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/admin/");
        assertThat(browser.get("/admin/apps").statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ CSRF

    @Test
    void anAdminPostWithoutTheCsrfTokenIsRefused() {
        browser.signInAsAdmin(app.adminPassword());
        String before = setting("SSO_GROUP_KEY");

        HttpResponse<String> missing = browser.post("/admin/settings", settingsForm(Map.of("SSO_GROUP_KEY", "roles")));
        Map<String, String> wrong = settingsForm(Map.of("SSO_GROUP_KEY", "roles"));
        wrong.put(SessionCsrfTokens.FIELD, "forged-token");
        HttpResponse<String> forged = browser.post("/admin/settings", wrong);

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("id=\"refused\"");
        assertThat(setting("SSO_GROUP_KEY")).isEqualTo(before);
    }

    @Test
    void aCsrfTokenOfAnotherSessionIsRefused() {
        browser.signInAsAdmin(app.adminPassword());
        String othersToken = DemoHttpBrowser.csrfToken(new DemoHttpBrowser(app.baseUri()).get("/admin/login").body());
        Map<String, String> form = settingsForm(Map.of("SSO_GROUP_KEY", "roles"));
        form.put(SessionCsrfTokens.FIELD, othersToken);

        assertThat(browser.post("/admin/settings", form).statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        browser.signInAsAdmin(app.adminPassword());

        assertThat(browser.post("/accounts/logout/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/apps").statusCode()).isEqualTo(200);

        // Gatehouse's sign-out answers 302 (to the IdP, or here to next, with no SSO session to end)
        assertThat(browser.submit("/", "/accounts/logout/", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/apps").statusCode()).isEqualTo(302);
    }

    // ------------------------------------------------------------------ login settings

    @Test
    void invalidSettingsAreShownNextToTheFieldAndNothingIsSaved() {
        browser.signInAsAdmin(app.adminPassword());
        String mapBefore = setting("SSO_GROUP_MAP");
        String keyBefore = setting("SSO_GROUP_KEY");

        HttpResponse<String> answer = browser.submit("/admin/settings", "/admin/settings", settingsForm(Map.of(
                "SSO_GROUP_MAP", "[\"/demo/admins\"]", "LOGIN_ENABLE_SSO_REG", "maybe", "SSO_GROUP_KEY", "roles")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"form-errors\"")
                .containsPattern("id=\"f-SSO_GROUP_MAP-error\">[^<]*must be a JSON object")
                .containsPattern("id=\"f-LOGIN_ENABLE_SSO_REG-error\">[^<]*must be true or false")
                .doesNotContain("id=\"f-SSO_GROUP_KEY-error\"")
                // what the admin typed comes back, escaped, so it can be corrected
                .contains("[&quot;/demo/admins&quot;]");
        assertThat(setting("SSO_GROUP_MAP")).isEqualTo(mapBefore);
        assertThat(setting("SSO_GROUP_KEY")).as("a valid field of a refused form is not saved either").isEqualTo(keyBefore);
    }

    @Test
    void validSettingsAreSavedAndShown() {
        browser.signInAsAdmin(app.adminPassword());
        String map = "{\"/demo/admins\": \"admin\", \"/demo/staff\": \"staff\", \"/demo/ops\": \"operations\"}";
        try {
            HttpResponse<String> answer = browser.submit("/admin/settings", "/admin/settings",
                    settingsForm(Map.of("SSO_GROUP_MAP", map)));

            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(setting("SSO_GROUP_MAP")).isEqualTo(map);
            assertThat(browser.get(DemoHttpBrowser.location(answer)).body()).contains("id=\"saved\"").contains("/demo/ops");
        } finally {
            app.stores().settings().put("SSO_GROUP_MAP", SettingsSeed.DEFAULTS.get("SSO_GROUP_MAP"));
        }
    }

    // ------------------------------------------------------------------ social applications

    Map<String, String> appForm(String name, String secret, String settings) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("provider", "github");
        form.put("provider_id", "");
        form.put("name", name);
        form.put("client_id", "Iv1.client-" + name);
        form.put("secret", secret);
        form.put("key", "");
        form.put("settings", settings);
        form.put("sites", "localhost");
        return form;
    }

    SocialApp stored(String name) {
        return app.stores().socialApps().findAll().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSocialAppSecretIsNeverRenderedBack() {
        browser.signInAsAdmin(app.adminPassword());
        String name = unique("GitHub ");
        String secret = "s3cret-" + UUID.randomUUID();
        String key = "k3y-" + UUID.randomUUID();
        Map<String, String> form = appForm(name, secret, "{\"SCOPE\": [\"read:user\", \"user:email\"]}");
        form.put("key", key);

        HttpResponse<String> created = browser.submit("/admin/apps/new", "/admin/apps/new", form);
        assertThat(created.statusCode()).isEqualTo(303);
        SocialApp app1 = stored(name);
        assertThat(app1.secret()).isEqualTo(secret);
        assertThat(app1.key()).isEqualTo(key);

        String list = browser.get("/admin/apps").body();
        String edit = browser.get("/admin/apps/" + app1.id()).body();
        assertThat(list).contains(name.replace(" ", " ")).doesNotContain(secret).doesNotContain(key);
        assertThat(edit).contains("Iv1.client-").contains("read:user").doesNotContain(secret).doesNotContain(key);

        // an edit with the secret left empty keeps it
        Map<String, String> renamed = appForm(name, "", "{}");
        renamed.put("client_id", "Iv1.changed");
        assertThat(browser.submit("/admin/apps/" + app1.id(), "/admin/apps/" + app1.id(), renamed).statusCode()).isEqualTo(303);
        assertThat(stored(name).clientId()).isEqualTo("Iv1.changed");
        assertThat(stored(name).secret()).isEqualTo(secret);
        assertThat(stored(name).key()).isEqualTo(key);

        // a form that comes back with errors does not echo a newly typed secret either
        String typed = "typed-" + UUID.randomUUID();
        HttpResponse<String> refused = browser.submit("/admin/apps/" + app1.id(), "/admin/apps/" + app1.id(),
                appForm(name, typed, "not json"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(typed).doesNotContain(secret);
        assertThat(stored(name).secret()).isEqualTo(secret);
    }

    @Test
    void socialAppSettingsMustBeAJsonObjectAndSitesAreRequired() {
        browser.signInAsAdmin(app.adminPassword());
        String name = unique("Broken ");
        Map<String, String> form = appForm(name, "x", "[1, 2]");
        form.put("sites", " ");
        form.put("provider", "myspace");

        HttpResponse<String> answer = browser.submit("/admin/apps/new", "/admin/apps/new", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"f-settings-error\"").contains("id=\"f-sites-error\"").contains("id=\"f-provider-error\"");
        assertThat(app.stores().socialApps().findAll()).noneMatch(a -> a.name().equals(name));
    }

    @Test
    void aSocialAppCanBeRemovedAndTheSecretCleared() {
        browser.signInAsAdmin(app.adminPassword());
        String name = unique("Temp ");
        browser.submit("/admin/apps/new", "/admin/apps/new", appForm(name, "temp-secret", "{}"));
        String id = stored(name).id();

        Map<String, String> clear = appForm(name, "", "{}");
        clear.put("remove_secret", "on");
        browser.submit("/admin/apps/" + id, "/admin/apps/" + id, clear);
        assertThat(stored(name).secret()).isEmpty();

        HttpResponse<String> deleted = browser.submit("/admin/apps", "/admin/apps/" + id + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(app.stores().socialApps().findById(id)).isEmpty();
    }

    // ------------------------------------------------------------------ sign-in through the Demo IdP

    @Test
    void signingInThroughTheDemoIdpRegistersTheUserWithTheMappedGroups() {
        String username = unique("ada");

        HttpResponse<String> callback = browser.signInThroughDemoIdp(username,
                claims(username, username + "@example.com", true, "[\"/demo/admins\", \"/demo/unmapped\"]", ""));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/");
        String home = browser.get("/").body();
        assertThat(home).contains("id=\"signed-in\"").contains("<strong id=\"username\">" + username + "</strong>")
                .contains("<li class=\"group\">admin</li>").doesNotContain("/demo/unmapped")
                .contains("<td>" + DemoIdp.PROVIDER_ID + "</td>");
        User user = app.stores().users().findByUsername(username).orElseThrow();
        assertThat(app.stores().groups().groupNamesOf(user.id())).containsExactly("admin");
    }

    @Test
    void theHomePageShowsTheAccessTokensExpiryAndItsRefreshButtonRenewsIt() {
        String username = unique("tessa");
        browser.signInThroughDemoIdp(username, claims(username, username + "@example.com", true, "[]", ""));
        User user = app.stores().users().findByUsername(username).orElseThrow();
        String uid = app.stores().socialAccounts().findByUser(user.id()).get(0).uid();
        SocialToken before = app.stores().socialAccounts().findToken(DemoIdp.PROVIDER_ID, uid).orElseThrow();
        assertThat(browser.get("/").body()).contains("id=\"token-expiry-" + DemoIdp.PROVIDER_ID + "\"", "id=\"refresh-"
                + DemoIdp.PROVIDER_ID + "\"");

        HttpResponse<String> refreshed = browser.submit("/", TokenRefreshServlet.PATH, Map.of("provider", DemoIdp.PROVIDER_ID));

        assertThat(refreshed.statusCode()).isEqualTo(303);
        SocialToken after = app.stores().socialAccounts().findToken(DemoIdp.PROVIDER_ID, uid).orElseThrow();
        assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(app.stores().errorLog().list(0, 50)).noneMatch(e -> e.kind().startsWith("sso.refresh"));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheDemoIdpThenComesBackHome() {
        String username = unique("sign-out");
        browser.signInThroughDemoIdp(username, claims(username, username + "@example.com", true, "[]", ""));

        HttpResponse<String> toIdp = browser.submit("/", "/accounts/logout/", Map.of("next", "/"));

        assertThat(toIdp.statusCode()).isEqualTo(302);
        String endSession = toIdp.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(app.idp().orElseThrow().issuer() + "/endsession?").contains("id_token_hint=");
        assertThat(browser.get("/").body()).contains("id=\"signed-out\"");
        HttpResponse<String> back = browser.get(browser.get(endSession).headers().firstValue("Location").orElseThrow());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void userDataFromTheIdpIsEscapedOnTheHomePage() {
        String username = unique("mallory");

        browser.signInThroughDemoIdp(username, claims(username, username + "@example.com", true, "[]",
                ", \"given_name\": \"<script>alert(1)</script>\", \"family_name\": \"<b>&\""));

        String home = browser.get("/").body();
        assertThat(home).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>&")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;&amp;");
    }

    @Test
    void anUnverifiedEmailGetsAConfirmationMailInTheAdminInbox() {
        String username = unique("grace");
        String email = username + "@example.org";

        HttpResponse<String> callback = browser.signInThroughDemoIdp(username, claims(username, email, false, "[]", ""));

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.body()).contains("gatehouse-check-mail").contains(email);
        DemoHttpBrowser admin = new DemoHttpBrowser(app.baseUri());
        admin.signInAsAdmin(app.adminPassword());
        String inbox = admin.get("/admin/inbox").body();
        assertThat(inbox).contains("Confirm your email address").contains(email).contains("class=\"mail-link\"")
                .contains(app.baseUri() + "/accounts/confirm-email/");
        assertThat(app.mailbox().orElseThrow().messages()).anyMatch(m -> m.to().contains(email)
                && m.links().stream().anyMatch(l -> l.contains("/accounts/confirm-email/")));
    }

    @Test
    void confirmingTheEmailAddsNoLinkedAccount() {
        String username = unique("hedy");
        String email = username + "@example.org";
        browser.signInThroughDemoIdp(username, claims(username, email, false, "[]", ""));
        String link = app.mailbox().orElseThrow().messages().stream().filter(m -> m.to().contains(email)).findFirst()
                .orElseThrow().links().get(0);

        HttpResponse<String> confirm = browser.submit(link, link, Map.of());

        assertThat(confirm.statusCode()).isEqualTo(302);
        String home = browser.get("/").body();
        // the pseudo-provider version 1 recorded a used link under
        assertThat(home).contains("<strong id=\"username\">" + username + "</strong>")
                .doesNotContain("gatehouse:email-confirmed");
        User user = app.stores().users().findByUsername(username).orElseThrow();
        assertThat(app.stores().socialAccounts().findByUser(user.id())).extracting(SocialAccount::provider)
                .containsExactly(DemoIdp.PROVIDER_ID);
    }

    @Test
    void withAutoFillOffTheSignUpFormCarriesTheCsrfTokenAndCreatesTheAccount() {
        app.stores().settings().put("LOGIN_SIGNUP_SSO_AUTO", "false");
        try {
            String username = unique("barbara");

            HttpResponse<String> callback = browser.signInThroughDemoIdp(username,
                    claims(username, username + "@example.com", true, "[\"/demo/staff\"]", ""));
            assertThat(callback.statusCode()).isEqualTo(302);
            assertThat(callback.headers().firstValue("Location")).hasValue("/accounts/signup/");
            String form = browser.get("/accounts/signup/").body();
            assertThat(form).contains("gatehouse-signup").contains("value=\"" + username + "\"")
                    .contains("name=\"" + SessionCsrfTokens.FIELD + "\"");

            assertThat(browser.post("/accounts/signup/", Map.of("username", username + "x", "email", username + "@example.com",
                    "first_name", "Barbara", "last_name", "Liskov")).statusCode()).as("without the token").isEqualTo(403);
            HttpResponse<String> created = browser.submit("/accounts/signup/", "/accounts/signup/", Map.of(
                    "username", username + "x", "email", username + "@example.com", "first_name", "Barbara", "last_name", "Liskov"));

            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(browser.get("/").body()).contains("<strong id=\"username\">" + username + "x</strong>")
                    .contains("Hello, Barbara Liskov").contains("<li class=\"group\">staff</li>");
        } finally {
            app.stores().settings().put("LOGIN_SIGNUP_SSO_AUTO", "true");
        }
    }

    @Test
    void aSignedInUserConnectsASecondIdentityAndDisconnectsIt() {
        String first = unique("alan");
        String second = unique("turing");
        browser.signInThroughDemoIdp(first, claims(first, first + "@example.com", true, "[]", ""));
        String token = DemoHttpBrowser.csrfToken(browser.get("/").body());

        HttpResponse<String> start = browser.post("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?process=connect",
                Map.of(SessionCsrfTokens.FIELD, token, "next", "/"));
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> idp = browser.post(DemoHttpBrowser.location(start), Map.of("username", second,
                "claims", claims(second, second + "@example.com", true, "[]", "")));
        HttpResponse<String> connected = browser.get(DemoHttpBrowser.location(idp));

        assertThat(connected.statusCode()).isEqualTo(302);
        String home = browser.get("/").body();
        assertThat(home).contains("<code>" + first + "</code>").contains("<code>" + second + "</code>");
        User user = app.stores().users().findByUsername(first).orElseThrow();
        assertThat(app.stores().socialAccounts().findByUser(user.id())).hasSize(2);

        HttpResponse<String> disconnected = browser.submit("/", "/accounts/" + DemoIdp.PROVIDER_ID + "/disconnect/",
                Map.of("uid", second, "next", "/"));
        assertThat(disconnected.statusCode()).isEqualTo(302);
        assertThat(app.stores().socialAccounts().findByUser(user.id())).extracting(a -> a.uid()).containsExactly(first);
    }

    @Test
    void connectingWithoutTheCsrfTokenIsRefused() {
        String username = unique("eve");
        browser.signInThroughDemoIdp(username, claims(username, username + "@example.com", true, "[]", ""));

        HttpResponse<String> answer = browser.post("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?process=connect",
                Map.of("next", "/"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("csrf_failed");
    }

    @Test
    void aFailedSignInIsInTheAdminErrorLogNewestFirst() {
        HttpResponse<String> forged = browser.get("/accounts/" + DemoIdp.PROVIDER_ID + "/login/callback/?state=forged&code=x");
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<String> start = browser.get("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?next=/");
        String state = DemoHttpBrowser.location(start).getQuery().replaceAll(".*state=([^&]+).*", "$1");
        HttpResponse<String> denied = browser.get("/accounts/" + DemoIdp.PROVIDER_ID
                + "/login/callback/?error=access_denied&state=" + state);
        assertThat(denied.statusCode()).isEqualTo(403);

        DemoHttpBrowser admin = new DemoHttpBrowser(app.baseUri());
        admin.signInAsAdmin(app.adminPassword());
        String log = admin.get("/admin/errors").body();

        assertThat(log).contains("sso.cancelled").contains("sso.transaction_missing");
        assertThat(log.indexOf("sso.cancelled")).as("newest first").isLessThan(log.indexOf("sso.transaction_missing"));
    }

    @Test
    void theErrorLogIsPagedNewestFirst() {
        // an app of its own: the other tests' records would shift the pages
        try (DemoApp own = TestDemo.start()) {
            java.time.Instant start = java.time.Instant.now();
            for (int i = 0; i < 20 + 5; i++) {
                own.stores().errorLog().append(io.gatehouse.sso.spi.ErrorRecord.of(start.plusSeconds(i), "test.paging",
                        "record " + i, "", "test"));
            }
            DemoHttpBrowser admin = new DemoHttpBrowser(own.baseUri());
            admin.signInAsAdmin(own.adminPassword());

            String first = admin.get("/admin/errors").body();
            String second = admin.get("/admin/errors?page=1").body();

            assertThat(first).contains(">record 24<").contains(">record 5<").doesNotContain(">record 4<")
                    .contains("id=\"older\"").doesNotContain("id=\"newer\"");
            assertThat(first.indexOf(">record 24<")).isLessThan(first.indexOf(">record 23<"));
            assertThat(second).contains(">record 4<").contains(">record 0<").doesNotContain(">record 5<")
                    .contains("id=\"newer\"").doesNotContain("id=\"older\"");
        }
    }

    @Test
    void theLoginPageOffersTheDemoIdpAndStartsLoginsWithGet() {
        String page = browser.get("/login").body();

        assertThat(page).contains("href=\"/accounts/" + DemoIdp.PROVIDER_ID + "/login/?next=/\"").contains("Sign in with Demo IdP");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> home = browser.get("/");

        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValue(PageServlet.CSP);
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(home.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    }
}
