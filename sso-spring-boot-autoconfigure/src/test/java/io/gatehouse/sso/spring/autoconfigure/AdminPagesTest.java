package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.spi.SettingsStore;
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

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sso-admin's pages mounted by {@code gatehouse.admin.path}, their authorization from Spring Security's authorities.
 * The test application's own rules let everyone reach {@code /sso-admin}, so every refusal here is Gatehouse's.
 */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gatehouse.admin.path=/sso-admin")
class AdminPagesTest {
    private static final LocalPeers PEERS = new LocalPeers();
    private static final Pattern ADMIN_CSRF = Pattern.compile("name=\"gatehouse_admin_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        PEERS.register(registry, "admin-pages");
    }

    @AfterAll
    static void stopPeers() {
        PEERS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    SettingsStore settings;

    private Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(URI.create("http://localhost:" + port));
        settings.put("LOGIN_SIGNUP_SSO_AUTO", "true");
    }

    @Test
    void anAnonymousVisitorIsRefusedTheAdminPages() {
        assertThat(browser.get("/sso-admin/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/sso-admin/settings").statusCode()).isEqualTo(403);
    }

    @Test
    void aSignedInUserWithoutTheAdminAuthorityIsRefusedTheAdminPages() {
        signIn("sam", "/corp/staff");

        assertThat(browser.get("/sso-admin/").statusCode()).isEqualTo(403);
    }

    @Test
    void aMemberOfTheAdminGroupIsServedTheAdminPages() {
        signIn("ada", "/corp/admins");

        HttpResponse<String> home = browser.get("/sso-admin/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Single sign-on administration");
    }

    @Test
    void anAdminsFormPostCarryingTheAdminPagesOwnTokenIsAcceptedWithoutSpringsToken() {
        signIn("ann", "/corp/admins");
        Matcher token = ADMIN_CSRF.matcher(browser.get("/sso-admin/settings").body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> saved = browser.post("/sso-admin/settings", Map.of("gatehouse_admin_csrf", token.group(1),
                "LOGIN_ENABLE_SSO", "true", "LOGIN_ENABLE_SSO_REG", "true", "LOGIN_SIGNUP_MAIL_RESTRICTION", "@example.com"));

        assertThat(saved.statusCode()).isIn(200, 302, 303);
        assertThat(settings.get("LOGIN_SIGNUP_MAIL_RESTRICTION")).hasValue("@example.com");
        settings.put("LOGIN_SIGNUP_MAIL_RESTRICTION", "");
    }

    @Test
    void anAdminsFormPostWithoutAnyTokenIsRefused() {
        signIn("abe", "/corp/admins");

        HttpResponse<String> forged = browser.post("/sso-admin/settings", Map.of("LOGIN_SIGNUP_MAIL_RESTRICTION", "@evil.example"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(settings.get("LOGIN_SIGNUP_MAIL_RESTRICTION").orElse("")).isNotEqualTo("@evil.example");
    }

    private void signIn(String user, String group) {
        PEERS.nextLoginIs(user, Map.of("groups", List.of(group)));
        assertThat(browser.signIn(LocalPeers.PROVIDER, "/").statusCode()).isEqualTo(302);
    }
}
