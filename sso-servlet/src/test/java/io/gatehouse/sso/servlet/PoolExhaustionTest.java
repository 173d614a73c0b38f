package io.gatehouse.sso.servlet;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection of a node's bounded pool is taken (by long transactions elsewhere in the application, say): a
 * callback waits for one only as long as the pool's time-out, then fails with a typed code, instead of hanging its
 * request thread; once connections are free again, the same browser signs in.
 */
class PoolExhaustionTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    static final int POOL_SIZE = 2;
    static final Duration POOL_TIMEOUT = Duration.ofMillis(500);

    Cluster cluster;
    PostgresNode node;

    @BeforeEach
    void setUp() {
        cluster = new Cluster(PG);
        node = cluster.start(cluster.nodeSettings().pool(POOL_SIZE, POOL_TIMEOUT));
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void aCallbackWhileThePoolIsExhaustedFailsWithinThePoolTimeoutWithATypedCode() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        BegunLogin login = BegunLogin.at(browser, node.server);
        URI callback = node.server.at(login.callback(cluster.codes.issue(login, "ada")));
        List<Connection> taken = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            taken.add(node.pool.getConnection());
        }

        long start = System.nanoTime();
        HttpResponse<String> answer = browser.get(callback, "Accept", "application/json");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        for (Connection c : taken) {
            c.close();
        }

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("\"code\":\"store_unavailable\"");
        assertThat(waited).as("one wait for a connection, then the answer").isBetween(POOL_TIMEOUT, POOL_TIMEOUT.plusSeconds(3));
        assertThat(cluster.codes.redeemed()).as("nothing was exchanged").isZero();
        assertThat(HalfWrittenRows.rows(cluster.schema.dataSource(), "sso_user")).isZero();

        assertThat(cluster.signIn(browser, node, "ada").statusCode()).isEqualTo(302);
    }
}
