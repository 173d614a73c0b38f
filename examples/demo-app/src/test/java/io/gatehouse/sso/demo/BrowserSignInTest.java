package io.gatehouse.sso.demo;

import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo end to end in a real headless Chromium: the admin turns group sync on and maps the IdP's groups
 * through the admin pages; a user signs in at the Demo IdP's own login page and lands on the home page with
 * the mapped group; an IdP error and a garbled callback end up in the admin's error log. The admin adds an app,
 * checks it (all pass against the Demo IdP; a wrong issuer, an unreachable host and a wrong secret each fail with their
 * fix), sees the account and its token, revokes the token, unlinks, and reads the error log in German. axe-core
 * checks every page (WCAG 2.x A and AA).
 */
class BrowserSignInTest {
    static final String RIGHT_SECRET = "Basic " + Base64.getEncoder().encodeToString((FakeIdp.CLIENT_ID + ":"
            + FakeIdp.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    static final String GROUP_MAP = "{\"/demo/admins\": \"admin\", \"/demo/staff\": \"staff\"}";

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    DemoApp app;
    WebDriver browser;
    WebDriverWait wait;
    Axe axe;

    @BeforeEach
    void startDemo() {
        axe = Axe.installed();
        // group sync starts off and unmapped: the admin turns it on in the browser
        app = TestDemo.start(Map.of("DEMO_SETTING_LOGIN_ENABLE_SSO_GROUP_SYNC", "false", "DEMO_SETTING_SSO_GROUP_MAP", "{}"));
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopDemo() {
        if (app != null) {
            app.close();
        }
    }

    void open(String path) {
        browser.get(app.baseUri() + path);
        axe.check(browser);
    }

    WebElement element(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    void signInAsAdmin() {
        open("/admin/");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        type("username", "admin");
        type("password", app.adminPassword());
        element("admin-sign-in").click();
        wait.until(ExpectedConditions.urlToBe(app.baseUri() + "/admin/"));
    }

    void signOut() {
        // the admin pages are Gatehouse's, without the demo's sign-out button: the home page has it
        open("/");
        element("sign-out").click();
        element("signed-out");
    }

    /** From the app's sign-in page to the Demo IdP's login page. */
    void toDemoIdp() {
        open("/login");
        element("login-" + DemoIdp.PROVIDER_ID).click();
        wait.until(ExpectedConditions.urlContains(app.idp().orElseThrow().issuer() + "/authorize"));
    }

    @Test
    void anAdminConfiguresGroupSyncAUserSignsInWithMappedGroupsAndFailuresReachTheErrorLog() {
        // the admin turns group sync on and maps the Demo IdP's groups
        signInAsAdmin();
        open("/admin/settings");
        new Select(element("f-LOGIN_ENABLE_SSO_GROUP_SYNC")).selectByValue("true");
        type("f-SSO_GROUP_MAP", GROUP_MAP);
        element("save-settings").click();
        element("saved");
        axe.check(browser);
        assertThat(app.stores().settings().get("LOGIN_ENABLE_SSO_GROUP_SYNC")).hasValue("true");
        assertThat(app.stores().settings().get("SSO_GROUP_MAP")).hasValue(GROUP_MAP);
        signOut();

        // a user signs in at the Demo IdP, typing a user name, an email and a group
        toDemoIdp();
        type("username", "ada");
        type("email", "ada@example.com");
        type("given_name", "Ada");
        type("family_name", "Lovelace");
        type("groups", "/demo/admins");
        element("sign-in").click();
        wait.until(ExpectedConditions.urlToBe(app.baseUri() + "/"));
        assertThat(element("username").getText()).isEqualTo("ada");
        assertThat(element("email").getText()).isEqualTo("ada@example.com");
        assertThat(browser.findElements(By.cssSelector("#groups .group"))).extracting(WebElement::getText)
                .containsExactly("admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hello, Ada Lovelace");
        axe.check(browser);
        User ada = app.stores().users().findByUsername("ada").orElseThrow();
        assertThat(app.stores().groups().groupNamesOf(ada.id())).containsExactly("admin");
        signOut();

        // the user refuses at the IdP: the app shows why, with a reference for the admin
        toDemoIdp();
        element("deny").click();
        wait.until(ExpectedConditions.urlContains("/accounts/" + DemoIdp.PROVIDER_ID + "/login/callback/"));
        assertThat(browser.findElement(By.className("gatehouse-code")).getText()).contains("cancelled");
        axe.check(browser);
        String reference = browser.findElement(By.className("gatehouse-reference")).getText();

        // a garbled callback URL typed into the browser
        open("/accounts/" + DemoIdp.PROVIDER_ID + "/login/callback/?state=garbled-state-value&code=garbled-code");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("gatehouse-code"))).getText())
                .contains("transaction_missing");

        // both are in the admin's error log, newest first
        signInAsAdmin();
        open("/admin/errors");
        List<String> kinds = browser.findElements(By.cssSelector("#errors .kind")).stream().map(WebElement::getText).toList();
        assertThat(kinds).containsSubsequence("sso.transaction_missing", "sso.cancelled");
        assertThat(element("errors").getText()).contains("error=access_denied").contains(reference.replaceAll("\\D", ""));
    }

    @Test
    void anAdminAddsAnAppChecksItSeesTheAccountAndItsTokenAndUnlinksIt() {
        String issuer = app.idp().orElseThrow().issuer().toString();
        signInAsAdmin();
        open("/admin/apps/new");
        new Select(element("f-provider")).selectByValue("openid_connect");
        type("f-provider_id", "corp");
        type("f-name", "Corp IdP");
        type("f-client_id", "corp-client");
        type("f-secret", "corp-secret");
        type("f-settings", "{\"server_url\": \"" + issuer + "\"}");
        type("f-sites", "localhost");
        element("save-app").click();
        wait.until(ExpectedConditions.urlToBe(app.baseUri() + "/admin/apps"));
        axe.check(browser);

        // the check against the in-JVM IdP: every check passes
        element("apps").findElement(By.linkText("Check Corp IdP")).click();
        assertThat(element("overall").getText()).contains("pass");
        assertThat(browser.findElements(By.cssSelector("#checks .status-fail"))).isEmpty();
        axe.check(browser);

        // a wrong issuer and an unreachable host fail with their fix
        String id = app.stores().socialApps().findAll().stream().filter(a -> a.name().equals("Corp IdP")).findFirst()
                .orElseThrow().id();
        app.stores().socialApps().save(app.stores().socialApps().findById(id).orElseThrow().toBuilder()
                .settings(Map.of("server_url", issuer + "-elsewhere", "discovery_url", issuer + "/.well-known/openid-configuration"))
                .build());
        open("/admin/apps/" + id + "/check");
        assertThat(failedCheck("discovery")).contains("another issuer")
                .contains("Set server_url (or the Keycloak URL and realm) to exactly the issuer the document declares");
        app.stores().socialApps().save(app.stores().socialApps().findById(id).orElseThrow().toBuilder()
                .settings(Map.of("server_url", "http://localhost:1/realms/none")).build());
        open("/admin/apps/" + id + "/check");
        assertThat(failedCheck("discovery")).contains("cannot be fetched")
                .contains("Check server_url (or KEYCLOAK_URL and KEYCLOAK_REALM) and that this server can reach");

        // a wrong secret, at an IdP whose token endpoint checks it (the Demo IdP accepts any)
        try (FakeIdp strict = new FakeIdp()) {
            strict.answerToken(r -> RIGHT_SECRET.equals(r.getHeaders().get("Authorization"))
                    ? FakeIdp.json(200, "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":60}")
                    : FakeIdp.json(401, "{\"error\":\"invalid_client\"}"));
            app.stores().socialApps().save(app.stores().socialApps().findById(id).orElseThrow().toBuilder()
                    .secret("an-expired-secret").settings(Map.of("server_url", strict.issuer(), "fetch_userinfo", false)).build());
            open("/admin/apps/" + id + "/check");
            assertThat(failedCheck("client_secret")).contains("refuses the client id and secret (invalid_client)")
                    .contains("Copy the current client id and secret of application Corp IdP from the identity provider again");
        }
        open("/admin/apps/" + id);

        // a user signs in with the Demo IdP; the admin sees the account and its token (never its value) and unlinks it
        toDemoIdp();
        type("username", "grace");
        type("email", "grace@example.com");
        element("sign-in").click();
        wait.until(ExpectedConditions.urlToBe(app.baseUri() + "/"));
        open("/admin/accounts?q=grace");
        element("accounts").findElement(By.linkText("grace")).click();
        assertThat(element("token").getText()).contains("Scopes");
        assertThat(browser.getPageSource()).doesNotContain(app.stores().socialAccounts().search("grace", 0, 1).stream()
                .map(a -> app.stores().socialAccounts().findToken(a.provider(), a.uid()).orElseThrow().accessToken())
                .findFirst().orElseThrow());
        axe.check(browser);

        // the token is revoked at the Demo IdP (it advertises a revocation endpoint) and deleted here
        element("revoke-token").click();
        assertThat(element("token-revoked").getText()).contains("revoked");
        element("no-token");
        axe.check(browser);
        element("unlink").click();
        assertThat(element("last-way").getText()).contains("grace");
        axe.check(browser);
        element("confirm-unlink").click();
        wait.until(ExpectedConditions.urlContains("/admin/accounts"));
        assertThat(app.stores().socialAccounts().search("grace", 0, 10)).isEmpty();
        open("/admin/");
        open("/admin/settings");
        open("/admin/mail");

        // in German (Accept-Language: de): the error log, and a failed sign-in's page
        readInGerman();
        open("/accounts/" + DemoIdp.PROVIDER_ID + "/login/callback/?state=garbled-state-value&code=garbled-code");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anmeldung fehlgeschlagen");
        open("/admin/errors");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fehlerprotokoll");
        assertThat(element("errors").getText()).contains("sso.transaction_missing");
    }

    /** The text of a check that must have failed: what was found and its fix. */
    String failedCheck(String check) {
        WebElement row = element("check-" + check);
        assertThat(row.findElement(By.className("status")).getAttribute("class")).contains("status-fail");
        return row.getText();
    }

    /** From now on the browser asks for German, as a browser set to German does. */
    void readInGerman() {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", "de-DE,de;q=0.9")));
    }
}
