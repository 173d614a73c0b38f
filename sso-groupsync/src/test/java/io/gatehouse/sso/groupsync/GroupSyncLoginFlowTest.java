package io.gatehouse.sso.groupsync;

import com.nimbusds.jose.JOSEObjectType;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.MailMessage;
import io.gatehouse.sso.core.Mailer;
import io.gatehouse.sso.core.Process;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group sync inside a real login: the real {@link LoginEngine} against a running OpenID Connect server
 * (mock-oauth2-server) whose ID token carries a {@code groups} claim, driven without a browser.
 */
class GroupSyncLoginFlowTest {
    private static final String ISSUER_ID = "keycloak";
    private static final String CLIENT_ID = "inventree";
    private static final URI BASE_URL = URI.create("http://app.example.test");
    private static final String ROUTE = "openid_connect";
    private static final String TRANSACTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static MockOAuth2Server idp;
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private InMemoryIdentityStore store;
    private InMemoryErrorLog errorLog;
    private LoginEngine engine;

    /** A mailer that is configured (SSO sign-up needs one) and keeps what it would send. */
    private static final class RecordingMailer implements Mailer {
        final List<MailMessage> sent = new ArrayList<>();

        @Override
        public boolean isConfigured() {
            return true;
        }

        @Override
        public synchronized void send(MailMessage message) {
            sent.add(message);
        }
    }

    @BeforeAll
    static void startIdp() {
        idp = new MockOAuth2Server();
        idp.start();
    }

    @AfterAll
    static void stopIdp() {
        idp.shutdown();
    }

    @BeforeEach
    void setUp() {
        store = new InMemoryIdentityStore();
        errorLog = new InMemoryErrorLog();
        InMemorySocialApps apps = new InMemorySocialApps();
        apps.save(new SocialApp(null, ROUTE, "", "Company Keycloak", CLIENT_ID, "client-secret-value", "",
                Map.of("server_url", idp.issuerUrl(ISSUER_ID).toString()), Set.of(BASE_URL.getHost())));
        InMemorySettings settings = new InMemorySettings(Map.of(
                "LOGIN_ENABLE_SSO", "true",
                "LOGIN_ENABLE_SSO_REG", "true",
                "LOGIN_ENABLE_SSO_GROUP_SYNC", "true",
                "SSO_GROUP_KEY", "groups",
                "SSO_GROUP_MAP", "{\"/inventree/admins\": \"admin\", \"/inventree/staff\": \"staff\"}",
                "SSO_REMOVE_GROUPS", "true"));
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null,
                Map.of("social_backends", List.of(ROUTE), "transaction_key", TRANSACTION_KEY)));
        Clock clock = Clock.systemUTC();
        engine = LoginEngine.builder(config)
                .apps(apps).accounts(store).users(store).settings(settings).errorLog(errorLog)
                .mailer(new RecordingMailer())
                .listener(new GroupSync(store, settings, errorLog, clock))
                .clock(clock)
                .registry(ProviderRegistry.of(List.of(ROUTE), List.of(new TestOidcBackend())))
                .build();
    }

    /** Makes the IdP's next token answer carry these claims for this subject. */
    private static void idpSends(String subject, Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.put("email", subject + "@example.com");
        all.put("email_verified", true);
        all.put("preferred_username", subject);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), all, 3600));
    }

    /** Begin login, follow the IdP's redirect back by hand, complete the login. */
    private LoginOutcome login() throws IOException, InterruptedException {
        LoginOutcome start = engine.beginLogin(ROUTE, new LoginRequest(Process.LOGIN, "/", BASE_URL, null, null));
        assertThat(start).isInstanceOf(LoginOutcome.Redirect.class);
        LoginOutcome.Redirect redirect = (LoginOutcome.Redirect) start;

        HttpResponse<Void> atIdp = BROWSER.send(HttpRequest.newBuilder(redirect.location()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(atIdp.statusCode()).isEqualTo(302);
        URI callback = URI.create(atIdp.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/accounts/" + ROUTE + "/login/callback/");

        return engine.completeLogin(ROUTE, new CallbackRequest(queryParams(callback),
                Map.of(redirect.cookie().name(), redirect.cookie().value()), BASE_URL, null));
    }

    private static Map<String, List<String>> queryParams(URI uri) {
        Map<String, List<String>> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static LoginOutcome.SignedIn signedIn(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        return (LoginOutcome.SignedIn) outcome;
    }

    @Test
    void a_new_user_gets_the_mapped_groups_from_the_id_token() throws Exception {
        idpSends("alice", Map.of("groups", List.of("/inventree/admins", "/unmapped")));

        LoginOutcome.SignedIn in = signedIn(login());

        assertThat(in.newUser()).isTrue();
        assertThat(store.groupNamesOf(in.user().id())).containsExactly("admin");
        assertThat(store.findByName("admin")).isPresent();
        assertThat(errorLog.all()).isEmpty();
    }

    @Test
    void a_later_login_follows_the_idp_and_removes_what_it_no_longer_grants() throws Exception {
        idpSends("bob", Map.of("groups", List.of("/inventree/admins", "/inventree/staff")));
        String userId = signedIn(login()).user().id();

        idpSends("bob", Map.of("groups", List.of("/inventree/staff")));
        LoginOutcome.SignedIn again = signedIn(login());

        assertThat(again.newUser()).isFalse();
        assertThat(again.user().id()).isEqualTo(userId);
        assertThat(store.groupNamesOf(userId)).containsExactly("staff");
    }

    @Test
    void an_idp_that_sends_no_groups_claim_still_signs_the_user_in_and_leaves_groups_alone() throws Exception {
        idpSends("carol", Map.of("groups", List.of("/inventree/staff")));
        String userId = signedIn(login()).user().id();

        idpSends("carol", Map.of());
        LoginOutcome.SignedIn again = signedIn(login());

        assertThat(again.user().id()).isEqualTo(userId);
        assertThat(store.groupNamesOf(userId)).containsExactly("staff");
        assertThat(errorLog.all()).extracting(ErrorRecord::kind).containsExactly("sso.group_claim_missing");
        assertThat(errorLog.all().get(0).path()).isEqualTo("auth:/accounts/" + ROUTE + "/login/callback/");
    }
}
