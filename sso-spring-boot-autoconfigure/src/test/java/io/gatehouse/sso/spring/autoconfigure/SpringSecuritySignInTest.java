package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spring.actuate.GatehouseMetrics;
import io.gatehouse.sso.spring.testapp.Browser;
import io.gatehouse.sso.spring.testapp.LocalPeers;
import io.gatehouse.sso.spring.testapp.SignInTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A full sign-in through HTTP redirects into a Spring Security application, against a real OpenID Connect server. */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
class SpringSecuritySignInTest {
    private static final LocalPeers PEERS = new LocalPeers();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        PEERS.register(registry, "signin");
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
    MeterRegistry meters;

    private Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(URI.create("http://localhost:" + port));
        settings.put("LOGIN_SIGNUP_SSO_AUTO", "true");
    }

    @Test
    void theAdminPageIsRefusedBeforeSignInAndServedAfterSigningInWithTheAdminGroup() {
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
        PEERS.nextLoginIs("alice", Map.of("groups", List.of("/corp/admins")));

        HttpResponse<String> callback = browser.signIn(LocalPeers.PROVIDER, "/admin");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(Browser.location(callback)).endsWith("/admin");
        HttpResponse<String> admin = browser.follow(callback);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("admin area for alice");
    }

    @Test
    void theAuthoritiesAreTheGroupsGroupSyncMaintainsWithTheRolePrefix() {
        PEERS.nextLoginIs("bob", Map.of("groups", List.of("/corp/staff", "/corp/admins", "/not/mapped")));
        browser.signIn(LocalPeers.PROVIDER, "/me");

        assertThat(browser.get("/me").body()).isEqualTo("bob [ROLE_admin,ROLE_staff]");
    }

    @Test
    void aUserWithoutTheAdminGroupIsForbiddenTheAdminPage() {
        PEERS.nextLoginIs("carol", Map.of("groups", List.of("/corp/staff")));
        browser.signIn(LocalPeers.PROVIDER, "/");

        assertThat(browser.get("/me").body()).isEqualTo("carol [ROLE_staff]");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void signingInIssuesANewSessionIdAgainstSessionFixation() {
        browser.get("/csrf");
        String before = browser.sessionId().orElseThrow();
        PEERS.nextLoginIs("dave", Map.of("groups", List.of()));

        browser.signIn(LocalPeers.PROVIDER, "/");

        assertThat(browser.sessionId()).get().isNotEqualTo(before);
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSpringSecuritySession() {
        PEERS.nextLoginIs("erin", Map.of("groups", List.of("/corp/admins")));
        browser.signIn(LocalPeers.PROVIDER, "/");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.post("/logout", Map.of("_csrf", Browser.csrfToken(browser.get("/csrf").body())));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
        assertThat(browser.get("/me").statusCode()).isEqualTo(403);
    }

    @Test
    void aPostToAGatehouseRouteWithoutSpringsCsrfTokenIsRefused() {
        browser.get("/csrf");

        HttpResponse<String> forged = browser.post("/accounts/" + LocalPeers.PROVIDER + "/login/", Map.of("next", "/"));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aPostToAGatehouseRouteWithSpringsCsrfTokenStartsTheLogin() {
        String token = Browser.csrfToken(browser.get("/csrf").body());

        HttpResponse<String> start = browser.post("/accounts/" + LocalPeers.PROVIDER + "/login/", Map.of("next", "/", "_csrf", token));

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(Browser.location(start)).startsWith(PEERS.issuer());
    }

    @Test
    void theSignUpFormCarriesSpringsCsrfTokenAndItsPostNeedsIt() {
        settings.put("LOGIN_SIGNUP_SSO_AUTO", "false");
        PEERS.nextLoginIs("frank", Map.of("groups", List.of()));
        HttpResponse<String> callback = browser.signIn(LocalPeers.PROVIDER, "/me");
        HttpResponse<String> form = browser.follow(callback);
        assertThat(form.statusCode()).isEqualTo(200);
        String token = Browser.csrfToken(form.body());
        Map<String, String> fields = Map.of("username", "frank", "email", "frank@example.com", "first_name", "Frank",
                "last_name", "F");

        assertThat(browser.post("/accounts/signup/", fields).statusCode()).isEqualTo(403);
        Map<String, String> withToken = new java.util.HashMap<>(fields);
        withToken.put("_csrf", token);
        HttpResponse<String> signedUp = browser.post("/accounts/signup/", withToken);

        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(browser.get("/me").body()).isEqualTo("frank []");
    }

    @Test
    void eachCallbackIsCountedByProviderAndOutcome() {
        double before = count("signed_in");
        PEERS.nextLoginIs("gina", Map.of());

        browser.signIn(LocalPeers.PROVIDER, "/");
        browser.get("/accounts/" + LocalPeers.PROVIDER + "/login/callback/?state=forged-state-value&code=x");

        // recorded when the servlet returns, which may be just after the browser has the answer
        await().untilAsserted(() -> {
            assertThat(count("signed_in")).isEqualTo(before + 1);
            assertThat(count("transaction_missing")).isGreaterThanOrEqualTo(1);
            assertThat(meters.get(GatehouseMetrics.CALLBACK_DURATION).tags("provider", LocalPeers.PROVIDER, "outcome", "signed_in")
                    .timer().count()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aCallbackForAnUnknownProviderIsCountedUnderOtherNotUnderTheIdItClaims() {
        browser.get("/accounts/made-up-by-a-client/login/callback/?state=forged-state-value&code=x");

        await().untilAsserted(() -> assertThat(meters.find(GatehouseMetrics.SIGN_INS).tags("provider", "other").counter())
                .isNotNull());
        assertThat(meters.find(GatehouseMetrics.SIGN_INS).tags("provider", "made-up-by-a-client").counter()).isNull();
    }

    @Test
    void groupChangesOfGroupSyncAreCounted() {
        double before = addedGroups();
        PEERS.nextLoginIs("hank", Map.of("groups", List.of("/corp/staff", "/corp/admins")));

        browser.signIn(LocalPeers.PROVIDER, "/");

        assertThat(addedGroups()).isEqualTo(before + 2);
    }

    @Test
    void actuatorsHealthIncludesGatehouse() {
        HttpResponse<String> health = browser.get("/actuator/health/gatehouse");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"identityProviders\":{\"corp\":\"UP\"}");
    }

    private double addedGroups() {
        return meters.find(GatehouseMetrics.GROUP_CHANGES).tags("change", "added").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double count(String outcome) {
        var counter = meters.find(GatehouseMetrics.SIGN_INS).tags("provider", LocalPeers.PROVIDER, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
