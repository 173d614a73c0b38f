package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.RecordingMailer;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.SocialApp;
import jakarta.servlet.DispatcherType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes sharing one H2 database (sessions in {@code JdbcStores.sessions()}, used logout tokens in the
 * single-use store): the IdP's back-channel logout reaches node B, and the browser signed in on node A is signed out
 * there on its next request; the same logout token replayed to node A is refused.
 */
class SessionEndsOnEveryNodeTest {
    static final String CLIENT_ID = "inventree";
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    MockOAuth2Server idp;
    final String database = "session-nodes-" + UUID.randomUUID();
    final SecretKeyRing keys = SecretKeyRing.of("k1", SecretKeyRing.generateKey());
    final String transactionKey = TwoContainersTest.newKey();
    TestServer nodeA;
    TestServer nodeB;
    final HttpBrowser browser = new HttpBrowser();

    @BeforeEach
    void setUp() {
        idp = new MockOAuth2Server();
        idp.start();
        JdbcStores admin = JdbcStores.create(EmbeddedH2.inMemory(database), keys);
        admin.settings().put(SettingKey.LOGIN_ENABLE_SSO.name(), "true");
        admin.settings().put(SettingKey.LOGIN_ENABLE_SSO_REG.name(), "true");
        admin.socialApps().save(SocialApp.builder("openid_connect").name("Corp IdP").clientId(CLIENT_ID).secret("s3cret-client-value")
                .settings(Map.of("server_url", idp.issuerUrl("corp").toString())).sites("*").build());
        nodeA = node();
        nodeB = node();
    }

    @AfterEach
    void tearDown() {
        nodeA.close();
        nodeB.close();
        idp.shutdown();
    }

    /** A node: its own engine and stores over the shared database, the servlet, and the filter in front of /me. */
    TestServer node() {
        JdbcStores own = JdbcStores.create(EmbeddedH2.inMemory(database), keys);
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of("transaction_key", transactionKey)));
        LoginEngine engine = LoginEngine.builder(config).apps(own.socialApps()).accounts(own.socialAccounts()).users(own.users())
                .settings(own.settings()).errorLog(own.errorLog()).singleUseValues(own.singleUseValues())
                .sessionRegistry(own.sessions()).mailer(new RecordingMailer())
                .registry(ProviderRegistry.of(List.of("openid_connect"), List.of(new OpenIdConnectBackend())))
                .build();
        HttpSessionBinder binder = new HttpSessionBinder();
        return new TestServer(context -> {
            context.addServlet(new ServletHolder(SsoServlet.builder(engine).sessionBinder(binder).build()), "/accounts/*");
            context.addFilter(new FilterHolder(new EndedSessionFilter(engine, binder)), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }

    void signInOn(TestServer node, String subject, String sid) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), Map.of("email",
                subject + "@example.com", "email_verified", true, "preferred_username", subject, "sid", sid), 3600));
        HttpResponse<String> start = browser.get(node.uri("/app/accounts/openid_connect/login/"));
        assertThat(browser.get(HttpBrowser.location(browser.get(HttpBrowser.location(start)))).statusCode()).isEqualTo(302);
    }

    String whoAmIOn(TestServer node) {
        return browser.get(node.uri("/app/me")).body();
    }

    /** A logout token signed by the IdP's own key (mock-oauth2-server issues any claims we ask for). */
    String logoutToken(String subject, String sid) {
        return idp.issueToken("corp", CLIENT_ID, new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID),
                Map.of("sid", sid, "events", Map.of(EVENT, Map.of())), 120)).serialize();
    }

    HttpResponse<String> backChannel(TestServer node, String token) {
        // the IdP posts server to server: a client without the browser's cookies, and no Origin header
        return new HttpBrowser().post(node.uri("/app/accounts/openid_connect/backchannel-logout/"), Map.of("logout_token", token));
    }

    @Test
    void aBackChannelLogoutReceivedByOneNodeEndsTheSessionHeldOnTheOther() {
        signInOn(nodeA, "ada", "sid-ada");
        assertThat(whoAmIOn(nodeA)).isNotEqualTo("anonymous");

        HttpResponse<String> answer = backChannel(nodeB, logoutToken("ada", "sid-ada"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(whoAmIOn(nodeA)).isEqualTo("anonymous");
    }

    @Test
    void aLogoutTokenReplayedToAnotherNodeIsRefused() {
        signInOn(nodeA, "ada", "sid-ada");
        String token = logoutToken("ada", "sid-ada");
        assertThat(backChannel(nodeB, token).statusCode()).isEqualTo(200);

        HttpResponse<String> replayed = backChannel(nodeA, token);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("\"error\":\"invalid_request\"", "already used");
    }

    @Test
    void anotherUsersSessionOnTheOtherNodeStays() {
        signInOn(nodeA, "ada", "sid-ada");

        assertThat(backChannel(nodeB, logoutToken("bob", "sid-bob")).statusCode()).isEqualTo(400);
        assertThat(whoAmIOn(nodeA)).isNotEqualTo("anonymous");
    }
}
