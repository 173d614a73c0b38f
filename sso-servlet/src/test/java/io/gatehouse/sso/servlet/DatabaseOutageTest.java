package io.gatehouse.sso.servlet;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.fixtures.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database of a running node stops, during a callback and between sign-ins, and comes back: a {@link TcpProxy}
 * between the node's pool and PostgreSQL is cut and restored (the shared server itself never stops). The user gets a
 * typed page, nothing is half-written, and the node signs users in again without a restart.
 */
class DatabaseOutageTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    static final Duration POOL_TIMEOUT = Duration.ofSeconds(1);
    static final Duration ALIVE_BYPASS_WINDOW = Duration.ofMillis(500);

    Cluster cluster;
    TcpProxy proxy;
    PostgresNode node;
    final HttpBrowser browser = new HttpBrowser();

    @BeforeEach
    void setUp() {
        cluster = new Cluster(PG);
        proxy = cluster.proxyToDatabase();
        node = cluster.start(cluster.nodeSettingsThrough(proxy).pool(4, POOL_TIMEOUT));
    }

    @AfterEach
    void tearDown() {
        cluster.close();
        proxy.close();
    }

    static void assertStoreUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.body()).contains("store_unavailable").doesNotContain("Exception");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void theDatabaseStoppingWhileACallbackRegistersTheUserGivesATypedPageAndLeavesNothingHalfWritten() throws Exception {
        BegunLogin login = BegunLogin.at(browser, node.server);
        URI callback = node.server.at(login.callback(cluster.codes.issue(login, "ada")));
        // the user's row is sent, then the database goes away before the link to it is
        proxy.cutWhenClientSends("INSERT INTO sso_social_account");

        HttpResponse<String> answer = browser.get(callback);

        assertThat(proxy.awaitTriggered(Duration.ofSeconds(5))).as("the cut came during the registration").isTrue();
        assertStoreUnavailable(answer);
        assertThat(HalfWrittenRows.rows(cluster.schema.dataSource(), "sso_user")).isZero();
        assertThat(HalfWrittenRows.count(cluster.schema.dataSource())).isZero();

        // as in the test below: the user retries after HikariCP's alive bypass window (the page's Retry-After is
        // longer still), so the pool checks the connections the cut broke instead of handing one out unchecked
        Thread.sleep(ALIVE_BYPASS_WINDOW.plusMillis(100).toMillis());
        proxy.restore();

        HttpResponse<String> next = cluster.signIn(browser, node, "ada");
        assertThat(next.statusCode()).as("the next sign-in, same node, no restart").isEqualTo(302);
        assertThat(browser.get(node.server.uri("/app/me")).body())
                .isEqualTo(cluster.admin.users().findByUsername("ada").orElseThrow().id());
        assertThat(HalfWrittenRows.count(cluster.schema.dataSource())).isZero();
    }

    @Test
    void whileTheDatabaseIsDownSignInsFailFastWithATypedPageAndWorkAgainOnceItIsBack() throws InterruptedException {
        assertThat(cluster.signIn(browser, node, "ada").statusCode()).isEqualTo(302);

        proxy.cut();
        long start = System.nanoTime();
        HttpResponse<String> begin = browser.get(node.server.uri("/app/accounts/openid_connect/login/"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertStoreUnavailable(begin);
        assertThat(waited).as("about the pool's time-out, not a hang").isLessThan(POOL_TIMEOUT.plusSeconds(4));

        // an outage outlasts HikariCP's 500 ms "alive bypass window", within which it hands out a pooled
        // connection without checking it; after it, the pool replaces the connections the outage broke
        Thread.sleep(ALIVE_BYPASS_WINDOW.plusMillis(100).toMillis());
        proxy.restore();

        assertThat(cluster.signIn(new HttpBrowser(), node, "grace").statusCode()).isEqualTo(302);
        assertThat(cluster.signIn(new HttpBrowser(), node, "ada").statusCode()).as("a returning user too").isEqualTo(302);
    }
}
