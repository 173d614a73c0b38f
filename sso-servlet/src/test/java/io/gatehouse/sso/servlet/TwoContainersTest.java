package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.RecordingMailer;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.User;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servlet containers behind one public address, sharing one JDBC database (each node with its own
 * {@code JdbcStores} over it) and the transaction key: a login begun on one node finishes on the other,
 * because the login transaction travels in the sealed cookie, not in a node's memory. The test plays the
 * load balancer: the public host {@code gatehouse.test} (the nodes' {@code site_url}) is sent to whichever
 * node it chooses. Used email-confirmation links are remembered in the shared database
 * ({@code JdbcStores.singleUseValues()}), so a link works once on the whole cluster.
 */
class TwoContainersTest {
    static final String PUBLIC_HOST = "gatehouse.test";
    static final String CLIENT_ID = "inventree";

    MockOAuth2Server idp;
    /** The database both nodes use: a fresh one per test, with the key ring every node is configured with. */
    final String database = "two-nodes-" + UUID.randomUUID();
    final SecretKeyRing databaseKeys = SecretKeyRing.of("k1", SecretKeyRing.generateKey());
    /** The test's own view of the database, for set-up and assertions (an admin's, so to speak). */
    SharedStores stores;
    TestServer nodeA;
    TestServer nodeB;
    final HttpBrowser browser = new HttpBrowser();
    /** The mail every node sends, as the users' mailboxes would receive it. */
    final RecordingMailer mail = new RecordingMailer();

    @BeforeEach
    void setUp() {
        idp = new MockOAuth2Server();
        idp.start();
        stores = SharedStores.jdbcH2(database, databaseKeys);
        stores.settings().put(SettingKey.LOGIN_ENABLE_SSO.name(), "true");
        stores.settings().put(SettingKey.LOGIN_ENABLE_SSO_REG.name(), "true");
        stores.apps().save(SocialApp.builder("openid_connect").name("Corp IdP").clientId(CLIENT_ID).secret("s3cret-client-value")
                .settings(Map.of("server_url", idp.issuerUrl("corp").toString())).sites(PUBLIC_HOST).build());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (TestServer node : new TestServer[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        idp.shutdown();
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** One application node: its own engine (own memory) and its own stores over the shared database. */
    TestServer node(String transactionKey) {
        SharedStores own = SharedStores.jdbcH2(database, databaseKeys);
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of(
                "site_url", "http://" + PUBLIC_HOST + "/app", "transaction_key", transactionKey)));
        LoginEngine engine = LoginEngine.builder(config).apps(own.apps()).accounts(own.accounts()).users(own.users())
                .settings(own.settings()).errorLog(own.errorLog()).singleUseValues(own.singleUseValues())
                .mailer(mail)
                .registry(ProviderRegistry.of(List.of("openid_connect"), List.of(new OpenIdConnectBackend())))
                .build();
        return TestServer.with(SsoServlet.builder(engine).build());
    }

    /** The load balancer: a public URL, sent to the chosen node. */
    static URI via(TestServer node, URI publicUrl) {
        assertThat(publicUrl.getHost()).isEqualTo(PUBLIC_HOST);
        return node.at(publicUrl);
    }

    /** Starts a login on {@code first} and brings the IdP's answer to {@code second}. */
    HttpResponse<String> loginAcross(TestServer first, TestServer second) {
        return loginAcross(first, second, true);
    }

    HttpResponse<String> loginAcross(TestServer first, TestServer second, boolean emailVerified) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "ada", "JWT", List.of(CLIENT_ID),
                Map.of("email", "ada@example.com", "email_verified", emailVerified, "preferred_username", "ada"), 3600));
        HttpResponse<String> start = browser.get(first.uri("/app/accounts/openid_connect/login/?next=/dashboard/"));
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> atIdp = browser.get(HttpBrowser.location(start));
        URI callback = HttpBrowser.location(atIdp);
        assertThat(callback.toString()).startsWith("http://" + PUBLIC_HOST + "/app/accounts/openid_connect/login/callback/");
        return browser.get(via(second, callback));
    }

    @Test
    void aLoginBegunOnOneNodeFinishesOnTheOther() {
        String key = newKey();
        nodeA = node(key);
        nodeB = node(key);

        HttpResponse<String> done = loginAcross(nodeA, nodeB);

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/app/dashboard/");
        User ada = stores.users().findByUsername("ada").orElseThrow();
        assertThat(browser.get(nodeB.uri("/app/me")).body()).isEqualTo(ada.id());
        assertThat(stores.errorLog().list(0, 10)).isEmpty();
    }

    @Test
    void nodesWithDifferentTransactionKeysCannotFinishEachOthersLogins() {
        nodeA = node(newKey());
        nodeB = node(newKey());

        HttpResponse<String> done = loginAcross(nodeA, nodeB);

        assertThat(done.statusCode()).isEqualTo(400);
        assertThat(done.body()).contains("transaction_invalid");
        assertThat(stores.users().findByUsername("ada")).isEmpty();
        assertThat(stores.errorLog().list(0, 10)).extracting(r -> r.kind()).containsExactly("sso.transaction_invalid");
    }

    // ------------------------------------------------------------------ email confirmation links

    /** The link of the last confirmation mail, as the public URL the user clicks. */
    URI confirmationLink() {
        MailMessage last = mail.sent().get(mail.sent().size() - 1);
        Matcher m = Pattern.compile("http://\\S+/accounts/confirm-email/\\S+/").matcher(last.text());
        assertThat(m.find()).isTrue();
        return URI.create(m.group());
    }

    HttpResponse<String> confirmOn(TestServer node, URI link) {
        return browser.post(via(node, link), Map.of(), "Origin", "http://" + PUBLIC_HOST);
    }

    /** Signs ada up with an unverified email (on node A), confirms her link on node A, then an admin deactivates her. */
    URI aLinkUsedOnNodeAThenTheUserDeactivated() {
        assertThat(loginAcross(nodeA, nodeA, false).statusCode()).isEqualTo(200);
        URI link = confirmationLink();
        assertThat(confirmOn(nodeA, link).statusCode()).isEqualTo(302);
        User ada = stores.users().findByUsername("ada").orElseThrow();
        assertThat(ada.active()).isTrue();
        stores.users().update(ada.withActive(false));
        return link;
    }

    @Test
    void aConfirmationLinkUsedOnOneNodeCannotReactivateTheUserOnAnother() {
        String key = newKey();
        nodeA = node(key);
        nodeB = node(key);
        URI link = aLinkUsedOnNodeAThenTheUserDeactivated();

        HttpResponse<String> replayed = confirmOn(nodeB, link);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("confirmation_invalid");
        assertThat(stores.users().findByUsername("ada").orElseThrow().active()).isFalse();
    }

    @Test
    void aConfirmationLinkUsedBeforeTheSchemaUpgradeIsStillRefusedAfterIt() throws Exception {
        String key = newKey();
        nodeA = node(key);
        URI link = aLinkUsedOnNodeAThenTheUserDeactivated();
        String adaId = stores.users().findByUsername("ada").orElseThrow().id();
        asVersionOneRecordedIt(adaId + ":ada@example.com");

        nodeB = node(key);
        HttpResponse<String> replayed = confirmOn(nodeB, link);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("confirmation_invalid");
        assertThat(stores.users().findByUsername("ada").orElseThrow().active()).isFalse();
        assertThat(stores.accounts().findByUser(adaId)).extracting(a -> a.provider()).containsExactly("openid_connect");
    }

    /**
     * Puts the database back to schema version 1 as it looked with this link used: the use recorded as a social
     * account of the pseudo-provider {@code gatehouse:email-confirmed}, no single-use table. The next node to
     * start migrates it again.
     */
    void asVersionOneRecordedIt(String markerUid) throws Exception {
        DataSource dataSource = EmbeddedH2.inMemory(database);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE sso_single_use");
            s.execute("DELETE FROM sso_schema_version WHERE version = 2");
            s.execute("INSERT INTO sso_social_account (user_id, provider, uid, extra_data_json, last_login, date_joined)"
                    + " VALUES (" + markerUid.substring(0, markerUid.indexOf(':')) + ", 'gatehouse:email-confirmed', '"
                    + markerUid + "', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
    }
}
