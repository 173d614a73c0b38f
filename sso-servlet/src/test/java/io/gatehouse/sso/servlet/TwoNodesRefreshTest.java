package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes, each with its own engine and its own {@code JdbcStores} over one H2 database, asked at the same
 * moment for the access token of one user whose token has expired: the IdP sees one refresh (the claim is in the shared
 * single-use store, the result a compare-and-set on the stored token), and every caller on both nodes gets its result.
 */
class TwoNodesRefreshTest {
    static final URI BASE = URI.create("http://localhost:8000");

    final FakeIdp idp = new FakeIdp();
    final String database = "refresh-nodes-" + UUID.randomUUID();
    final SecretKeyRing keys = SecretKeyRing.of("k1", SecretKeyRing.generateKey());
    final AtomicInteger refreshes = new AtomicInteger();
    String userId;

    @BeforeEach
    void adaWithAnExpiredToken() {
        JdbcStores admin = JdbcStores.create(EmbeddedH2.inMemory(database), keys);
        admin.socialApps().save(SocialApp.builder("openid_connect").name("Corp IdP").clientId(FakeIdp.CLIENT_ID)
                .secret(FakeIdp.CLIENT_SECRET).settings(Map.of("server_url", idp.issuer())).sites("*").build());
        userId = admin.users().register(new Registration(new UserDraft("ada", "ada@example.com", "Ada", "Lovelace", true),
                new IdentitySignIn("openid_connect", "ada-sub", Map.of(), new SocialToken("expired-access", "refresh-1",
                        Instant.now().minusSeconds(5)), Instant.now()), Set.of())).user().id();
        idp.answerToken(r -> {
            refreshes.incrementAndGet();
            return FakeIdp.json(200, "{\"access_token\":\"fresh-access\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"refresh_token\":\"refresh-2\"}").newBuilder().headersDelay(500, TimeUnit.MILLISECONDS).build();
        });
    }

    @AfterEach
    void close() {
        idp.close();
    }

    LoginEngine node() {
        JdbcStores own = JdbcStores.create(EmbeddedH2.inMemory(database), keys);
        return LoginEngine.builder(GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of())))
                .apps(own.socialApps()).accounts(own.socialAccounts()).users(own.users()).settings(own.settings())
                .errorLog(own.errorLog()).singleUseValues(own.singleUseValues()).sessionRegistry(own.sessions())
                .registry(ProviderRegistry.of(List.of("openid_connect"), List.of(new OpenIdConnectBackend())))
                .build();
    }

    @Test
    void concurrentCallersOnTwoNodesCauseOneRefreshAndAllGetItsResult() throws Exception {
        List<LoginEngine> nodes = List.of(node(), node());
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<TokenOutcome>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                LoginEngine node = nodes.get(i % 2);
                results.add(pool.submit(() -> {
                    start.await();
                    return node.tokens().current(userId, "openid_connect", BASE);
                }));
            }
            start.countDown();
            for (Future<TokenOutcome> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(TokenOutcome.Current.class,
                        c -> assertThat(c.accessToken()).isEqualTo("fresh-access"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refreshes).hasValue(1);
        SocialToken stored = JdbcStores.create(EmbeddedH2.inMemory(database), keys).socialAccounts()
                .findToken("openid_connect", "ada-sub").orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("fresh-access");
        assertThat(stored.refreshToken()).isEqualTo("refresh-2");
    }
}
