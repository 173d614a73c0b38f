package io.gatehouse.sso.admin;

import io.gatehouse.sso.fixtures.HttpBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets in: the host's authorization on every request, the session's CSRF token on every POST. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAccessTest {
    final AdminSite site = new AdminSite();

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void withTheDefaultAuthorizationNobodyGetsIn() {
        HttpBrowser admin = site.adminBrowser();

        for (String page : new String[] {"/", "/apps", "/settings", "/accounts", "/errors", "/mail"}) {
            HttpResponse<String> answer = admin.get("/admin/default" + page);
            assertThat(answer.statusCode()).as(page).isEqualTo(403);
            assertThat(answer.body()).contains("not allowed");
        }
    }

    @Test
    void aVisitorTheHostDoesNotAuthorizeIsRefusedEveryPageAndPost() {
        HttpBrowser visitor = new HttpBrowser(site.base());

        assertThat(visitor.get(AdminSite.ADMIN + "/errors").statusCode()).isEqualTo(403);
        assertThat(visitor.post(AdminSite.ADMIN + "/settings", Map.of("LOGIN_ENABLE_SSO", "false")).statusCode()).isEqualTo(403);
        assertThat(site.fixture.settings.get("LOGIN_ENABLE_SSO")).hasValue("true");
    }

    @Test
    void anAuthorizedPostWithoutTheCsrfTokenChangesNothing() {
        HttpBrowser admin = site.adminBrowser();

        HttpResponse<String> answer = admin.post(AdminSite.ADMIN + "/apps/new", Map.of("provider", "openid_connect",
                "name", "Forged", "client_id", "x", "settings", "{}", "sites", "localhost"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("expired or did not come from these pages");
        assertThat(site.fixture.apps.findAll()).noneMatch(a -> a.name().equals("Forged"));
    }

    @Test
    void aCsrfTokenOfAnotherSessionIsRefused() {
        HttpBrowser mallory = site.adminBrowser();
        String malloryToken = AdminSite.csrfToken(mallory.get(AdminSite.ADMIN + "/settings").body());
        HttpBrowser admin = site.adminBrowser();
        admin.get(AdminSite.ADMIN + "/settings");

        HttpResponse<String> answer = admin.post(AdminSite.ADMIN + "/settings", Map.of(AdminCsrf.FIELD, malloryToken,
                "LOGIN_ENABLE_SSO", "false"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(site.fixture.settings.get("LOGIN_ENABLE_SSO")).hasValue("true");
    }

    @Test
    void pagesCarryProtectiveHeadersAndTheStylesheetIsServedSameOrigin() {
        HttpResponse<String> page = site.adminBrowser().get(AdminSite.ADMIN + "/apps");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<html lang=\"en\"", "href=\"/admin/sso/admin.css\"");
        assertThat(new HttpBrowser(site.base()).get(AdminSite.ADMIN + "/admin.css").body()).contains(":focus-visible");
    }

    @Test
    void anUnknownPageIsA404AndAGetOfAPostOnlyActionToo() {
        HttpBrowser admin = site.adminBrowser();

        assertThat(admin.get(AdminSite.ADMIN + "/nothing-here").statusCode()).isEqualTo(404);
        assertThat(admin.get(AdminSite.ADMIN + "/accounts/unlink?provider=x&uid=y").statusCode()).isEqualTo(404);
        assertThat(admin.get(AdminSite.ADMIN + "/apps/999").statusCode()).isEqualTo(404);
    }
}
