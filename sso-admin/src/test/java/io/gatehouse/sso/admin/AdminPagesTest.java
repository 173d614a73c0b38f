package io.gatehouse.sso.admin;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.testidp.FakeIdp;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages over plain HTTP: what they show, what they refuse, and what they never show. */
class AdminPagesTest {
    static final String SECRET = "s3cret-value-never-shown";
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    AdminSite site;
    HttpBrowser admin;

    @BeforeEach
    void start() {
        site = new AdminSite();
        admin = site.adminBrowser();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    HttpResponse<String> submit(String page, String action, Map<String, String> form) {
        return AdminSite.submit(admin, page, action, form);
    }

    @Test
    void aSocialAppSecretIsWriteOnlyAndAnEmptyFieldKeepsIt() {
        HttpResponse<String> added = submit("/apps/new", "/apps/new", Map.of("provider", "openid_connect", "name", "Corp",
                "client_id", "corp-client", "secret", SECRET, "settings", "{\"server_url\": \"https://idp.example.com\"}",
                "sites", "localhost"));
        assertThat(added.statusCode()).isEqualTo(303);
        SocialApp app = site.fixture.apps.findAll().get(0);
        assertThat(app.secret()).isEqualTo(SECRET);

        assertThat(admin.get(AdminSite.ADMIN + "/apps").body()).contains("corp-client").doesNotContain(SECRET);
        String form = admin.get(AdminSite.ADMIN + "/apps/" + app.id()).body();
        assertThat(form).doesNotContain(SECRET).contains("type=\"password\"", "value=\"\"", "remove_secret");

        HttpResponse<String> refused = submit("/apps/" + app.id(), "/apps/" + app.id(), Map.of("provider", "openid_connect",
                "name", "", "client_id", "corp-client", "secret", "typed-but-refused-secret", "settings", "{}", "sites", "localhost"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("typed-but-refused-secret", SECRET).contains("role=\"alert\"", "aria-invalid=\"true\"");

        submit("/apps/" + app.id(), "/apps/" + app.id(), Map.of("provider", "openid_connect", "name", "Corp 2",
                "client_id", "corp-client", "secret", "", "settings", "{}", "sites", "localhost"));
        assertThat(site.fixture.apps.findById(app.id()).orElseThrow().secret()).isEqualTo(SECRET);
        assertThat(site.fixture.apps.findById(app.id()).orElseThrow().name()).isEqualTo("Corp 2");
    }

    @Test
    void aSocialAppIsDeletedWithAPost() {
        SocialApp app = site.fixture.addApp("openid_connect", "Old", "old", "x", Map.of());

        assertThat(submit("/apps", "/apps/" + app.id() + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(site.fixture.apps.findById(app.id())).isEmpty();
    }

    @Test
    void invalidSettingsAreShownAtTheirFieldAndNothingIsSaved() {
        HttpResponse<String> answer = submit("/settings", "/settings", Map.of("LOGIN_ENABLE_SSO", "false",
                "SSO_GROUP_MAP", "{not json"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"f-SSO_GROUP_MAP-error\"", "aria-describedby=\"f-SSO_GROUP_MAP-error",
                "is not valid JSON", "role=\"alert\"");
        assertThat(site.fixture.settings.get("LOGIN_ENABLE_SSO")).hasValue("true");
        assertThat(site.fixture.settings.get("SSO_GROUP_MAP")).isEmpty();
    }

    @Test
    void validSettingsAreSaved() {
        HttpResponse<String> answer = submit("/settings", "/settings", Map.of("LOGIN_ENABLE_SSO_GROUP_SYNC", "true",
                "SSO_GROUP_MAP", "{\"/staff\": \"staff\"}"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(site.fixture.settings.get("LOGIN_ENABLE_SSO_GROUP_SYNC")).hasValue("true");
        assertThat(admin.get(AdminSite.ADMIN + "/settings?status=saved").body()).contains("id=\"saved\"");
    }

    User register(String username, String provider, String uid, Map<String, Object> claims) {
        return site.fixture.store.register(new Registration(new UserDraft(username, username + "@example.com", "", "", true),
                new IdentitySignIn(provider, uid, claims, new SocialToken("access-token-secret-" + uid, "refresh-secret-" + uid,
                        Instant.parse("2030-01-02T03:04:05Z"), Set.of("openid", "email")), Instant.now()), Set.of())).user();
    }

    @Test
    void anAccountIsFoundByEmailAndShowsItsTokenExpiryAndScopesButNeverTheToken() {
        register("ada", "keycloak", "ada-sub", Map.of());
        register("bob", "keycloak", "bob-sub", Map.of());

        String found = admin.get(AdminSite.ADMIN + "/accounts?q=ADA%40example").body();
        assertThat(found).contains("ada-sub").doesNotContain("bob-sub");
        String view = admin.get(AdminSite.ADMIN + "/accounts/view?provider=keycloak&uid=ada-sub").body();
        assertThat(view).contains("2030-01-02 03:04:05 UTC", "email openid")
                .doesNotContain("access-token-secret", "refresh-secret");
    }

    @Test
    void aStoredTokenIsDeletedAndTheLinkStays() {
        register("ada", "keycloak", "ada-sub", Map.of());

        submit("/accounts/view?provider=keycloak&uid=ada-sub", "/accounts/token/delete", Map.of("provider", "keycloak",
                "uid", "ada-sub"));

        assertThat(site.fixture.store.findToken("keycloak", "ada-sub")).isEmpty();
        assertThat(site.fixture.store.find("keycloak", "ada-sub")).isPresent();
    }

    @Test
    void unlinkingAUsersLastWayToSignInAsksFirstAndUnlinksOnlyWhenConfirmed() {
        register("ada", "keycloak", "ada-sub", Map.of());
        String view = "/accounts/view?provider=keycloak&uid=ada-sub";

        HttpResponse<String> asked = submit(view, "/accounts/unlink", Map.of("provider", "keycloak", "uid", "ada-sub"));
        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(asked.body()).contains("id=\"last-way\"", "confirm-unlink");
        assertThat(site.fixture.store.find("keycloak", "ada-sub")).isPresent();

        HttpResponse<String> done = submit(view, "/accounts/unlink", Map.of("provider", "keycloak", "uid", "ada-sub",
                "confirm", "yes"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(site.fixture.store.find("keycloak", "ada-sub")).isEmpty();
    }

    @Test
    void unlinkingOneOfTwoIdentitiesNeedsNoConfirmation() {
        User ada = register("ada", "keycloak", "ada-sub", Map.of());
        site.fixture.store.link(ada.id(), new IdentitySignIn("openid_connect", "ada-corp", Map.of(), null, Instant.now()));

        HttpResponse<String> done = submit("/accounts/view?provider=keycloak&uid=ada-sub", "/accounts/unlink",
                Map.of("provider", "keycloak", "uid", "ada-sub"));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(site.fixture.store.find("keycloak", "ada-sub")).isEmpty();
    }

    @Test
    void everyIdpProvidedValueIsEscaped() {
        register(HOSTILE.replaceAll("[^a-z]", ""), "keycloak", HOSTILE, Map.of("name", HOSTILE));
        site.fixture.errorLog.append(ErrorRecord.of(Instant.now(), "sso.idp_error", "The identity provider answered error="
                + HOSTILE, "provider=" + HOSTILE, "auth:/accounts/keycloak/login/callback/"));
        site.fixture.addApp("openid_connect", HOSTILE, HOSTILE, "x", Map.of("server_url", HOSTILE));

        for (String page : new String[] {"/accounts", "/accounts/view?provider=keycloak&uid=" + AdminExchange.query(HOSTILE),
                "/errors", "/apps", "/apps/" + site.fixture.apps.findAll().get(0).id()}) {
            String body = admin.get(AdminSite.ADMIN + page).body();
            assertThat(body).as(page).doesNotContain(HOSTILE).contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void aThousandForgedCallbacksMakeOneErrorRecordCountingAThousand() {
        HttpBrowser attacker = new HttpBrowser(site.base());
        for (int i = 0; i < 1000; i++) {
            attacker.get("/accounts/keycloak/login/callback/?state=forged-state-" + i + "&code=forged-code-" + i);
        }

        assertThat(site.fixture.errorLog.all()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.transaction_missing");
            assertThat(r.count()).isEqualTo(1000);
            assertThat(r.provider()).isEqualTo("keycloak");
        });
        assertThat(admin.get(AdminSite.ADMIN + "/errors").body()).contains("<td class=\"count\">1000</td>", "first ");
    }

    @Test
    void forgedRequestsToRandomProviderIdsCountOnOneRecordPerRouteInsteadOfARowEach() {
        HttpBrowser attacker = new HttpBrowser(site.base());
        for (int i = 0; i < 300; i++) {
            attacker.get("/accounts/random-" + i + "/login/callback/?state=forged-state-" + i + "&code=forged-code-" + i);
            attacker.get("/accounts/random-" + i + "/login/");
        }

        assertThat(site.fixture.errorLog.all()).hasSize(2).allSatisfy(r -> {
            assertThat(r.count()).isEqualTo(300);
            assertThat(r.provider()).isEqualTo("(unknown)");
            assertThat(r.data()).as("the first id given stays readable").isEqualTo("provider=random-0");
        });
        assertThat(site.fixture.errorLog.all()).extracting(ErrorRecord::path)
                .containsExactlyInAnyOrder("auth:/accounts/(unknown)/login/callback/", "auth:/accounts/(unknown)/login/");
    }

    @Test
    void theErrorLogIsFilteredByCodeAndProviderAndReadsInGerman() {
        site.fixture.errorLog.append(ErrorRecord.of(Instant.parse("2026-03-01T10:00:00Z"), "sso.cancelled", "keycloak cancelled",
                "", "auth:/accounts/keycloak/login/callback/"));
        site.fixture.errorLog.append(ErrorRecord.of(Instant.parse("2026-03-02T10:00:00Z"), "sso.cancelled", "github cancelled",
                "", "auth:/accounts/github/login/callback/"));
        site.fixture.errorLog.append(ErrorRecord.of(Instant.parse("2026-03-03T10:00:00Z"), "sso.idp_error", "keycloak error",
                "", "auth:/accounts/keycloak/login/callback/"));

        assertThat(admin.get(AdminSite.ADMIN + "/errors?kind=sso.cancelled&provider=keycloak").body())
                .contains("keycloak cancelled").doesNotContain("github cancelled", "keycloak error");
        assertThat(admin.get(AdminSite.ADMIN + "/errors?from=2026-03-02&until=2026-03-02").body())
                .contains("github cancelled").doesNotContain("keycloak cancelled", "keycloak error");
        String german = admin.get(AdminSite.ADMIN + "/errors", "Accept-Language", "de-DE,de;q=0.9,en;q=0.5").body();
        assertThat(german).contains("<html lang=\"de\"", "<h1>Fehlerprotokoll</h1>", "Filter anwenden", "keycloak error");
    }

    @Test
    void theErrorLogIsPagedNewestFirst() {
        for (int i = 0; i < ErrorLogPage.PAGE_SIZE + 3; i++) {
            site.fixture.errorLog.append(ErrorRecord.of(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), "test.paging",
                    "record " + i, "", "p"));
        }

        String first = admin.get(AdminSite.ADMIN + "/errors").body();
        assertThat(first).contains("record " + (ErrorLogPage.PAGE_SIZE + 2), "id=\"older\"").doesNotContain(">record 2<");
        assertThat(admin.get(AdminSite.ADMIN + "/errors?page=1").body()).contains(">record 2<", ">record 0<", "id=\"newer\"");
    }

    @Test
    void aTestMailIsSentToTheGivenAddress() {
        HttpResponse<String> answer = submit("/mail", "/mail", Map.of("to", "ops@example.com"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"mail-outcome\"", "ops@example.com");
        assertThat(site.fixture.mailer.sent()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("ops@example.com"));
        assertThat(submit("/mail", "/mail", Map.of("to", "not an address")).statusCode()).isEqualTo(400);
    }

    /**
     * Revoking a stored token: at a real OpenID Connect server's RFC 7009 endpoint (mock-oauth2-server advertises one),
     * and against an IdP without one or one that refuses (a fake IdP on MockWebServer), where the admin is told, the
     * token stays, and the error log has the record.
     */
    @Nested
    class Revocation {
        final String view = "/accounts/view?provider=openid_connect&uid=ada-sub";
        final Map<String, String> ada = Map.of("provider", "openid_connect", "uid", "ada-sub");
        void registerAda(String refreshToken) {
            site.fixture.store.register(new Registration(new UserDraft("ada", "ada@example.com", "", "", true),
                    new IdentitySignIn("openid_connect", "ada-sub", Map.of(), new SocialToken("access-token-secret-ada", refreshToken,
                            Instant.parse("2030-01-02T03:04:05Z"), Set.of("openid")), Instant.now()), Set.of()));
        }

        HttpResponse<String> revoke() {
            return AdminSite.submit(admin, view, "/accounts/token/revoke", ada);
        }

        @Test
        void revokingSendsTheRefreshTokenToTheIdpsRevocationEndpointAndThenDeletesIt() {
            MockOAuth2Server idp = new MockOAuth2Server();
            idp.start();
            try {
                site.fixture.addApp("openid_connect", "Corp", "corp-client", "corp-client-secret",
                        Map.of("server_url", idp.issuerUrl("corp").toString()));
                registerAda("refresh-secret-ada");

                HttpResponse<String> done = revoke();

                assertThat(done.statusCode()).isEqualTo(303);
                assertThat(site.fixture.store.findToken("openid_connect", "ada-sub")).isEmpty();
                assertThat(site.fixture.store.find("openid_connect", "ada-sub")).isPresent();
                okhttp3.mockwebserver.RecordedRequest revocation = revocationRequest(idp);
                assertThat(revocation.getBody().readUtf8()).contains("token=refresh-secret-ada", "token_type_hint=refresh_token");
                assertThat(revocation.getHeader("Authorization")).startsWith("Basic ");
                String page = admin.get(HttpBrowser.location(done)).body();
                assertThat(page).contains("id=\"token-revoked\"", "id=\"no-token\"").doesNotContain("refresh-secret-ada");
                assertThat(site.fixture.errorLog.all()).isEmpty();
            } finally {
                idp.shutdown();
            }
        }

        /** The revocation request among those the IdP received (discovery came first). */
        okhttp3.mockwebserver.RecordedRequest revocationRequest(MockOAuth2Server idp) {
            for (okhttp3.mockwebserver.RecordedRequest r = idp.takeRequest(5, TimeUnit.SECONDS); r != null;
                 r = idp.takeRequest(5, TimeUnit.SECONDS)) {
                if (r.getPath() != null && r.getPath().endsWith("/revoke")) {
                    return r;
                }
            }
            throw new AssertionError("the IdP received no revocation request");
        }

        @Test
        void anIdpWithoutARevocationEndpointIsToldAndTheTokenStaysForALocalDelete() {
            try (FakeIdp idp = new FakeIdp()) {
                site.fixture.addOidcApp(idp);
                registerAda("refresh-secret-ada");

                HttpResponse<String> refused = revoke();

                assertThat(refused.statusCode()).isEqualTo(409);
                assertThat(refused.body()).contains("role=\"alert\" id=\"not-revoked\"", "no revocation_endpoint", "id=\"delete-token\"")
                        .doesNotContain("refresh-secret-ada", "access-token-secret-ada");
                assertThat(site.fixture.store.findToken("openid_connect", "ada-sub")).isPresent();
                ErrorRecord record = site.fixture.errorLog.all().get(0);
                assertThat(record.kind()).isEqualTo("sso.token_revocation_unsupported");
                assertThat(refused.body()).contains("<code>" + record.id() + "</code>");
            }
        }

        @Test
        void aRevocationTheIdpRefusesIsLoggedAndTheTokenStays() {
            try (FakeIdp idp = new FakeIdp()) {
                // the fake IdP's token endpoint stands in for its revocation endpoint, refusing the client
                idp.advertise("\"revocation_endpoint\":\"" + idp.issuer() + "/token\"");
                idp.answerToken(r -> FakeIdp.json(401, "{\"error\":\"invalid_client\"}"));
                site.fixture.addOidcApp(idp);
                registerAda(null);

                HttpResponse<String> refused = revoke();

                assertThat(refused.statusCode()).isEqualTo(502);
                assertThat(refused.body()).contains("id=\"not-revoked\"", "The identity provider did not revoke the token.")
                        .doesNotContain("access-token-secret-ada");
                assertThat(idp.tokenRequests()).singleElement().satisfies(r -> assertThat(r.getBody().utf8())
                        .contains("token=access-token-secret-ada", "token_type_hint=access_token"));
                assertThat(site.fixture.store.findToken("openid_connect", "ada-sub")).isPresent();
                assertThat(site.fixture.errorLog.all()).singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo("sso.token_revocation_failed");
                    assertThat(r.info()).contains("invalid_client", "HTTP 401").doesNotContain("access-token-secret-ada");
                    assertThat(r.data()).doesNotContain("access-token-secret-ada");
                });
            }
        }
    }
}
