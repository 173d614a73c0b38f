package io.gatehouse.sso.servlet;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (Jetty with the SSO servlet, each with its own pool and engine) on one PostgreSQL and one transaction
 * key, behind one public address. The IdP redeems a code as often as it is asked, so only Gatehouse can stop a
 * replayed callback: with the JDBC {@code SingleUseValues} every node refuses a callback any node has used.
 */
class ReplayAcrossNodesTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    Cluster cluster;

    @BeforeEach
    void setUp() {
        cluster = new Cluster(PG);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** The victim's login, completed on {@code node}; returns the callback and the cookie header an attacker copied. */
    String[] completedOn(PostgresNode node) {
        HttpBrowser victim = new HttpBrowser();
        BegunLogin login = BegunLogin.at(victim, node.server);
        URI callback = login.callback(cluster.codes.issue(login, "ada"));
        String cookie = victim.cookieHeader(node.server.at(callback));
        HttpResponse<String> done = victim.get(node.server.at(callback));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        return new String[] {callback.toString(), cookie};
    }

    static HttpResponse<String> replay(PostgresNode node, String[] captured) {
        return new HttpBrowser().get(node.server.at(URI.create(captured[0])), "Cookie", captured[1]);
    }

    @Test
    void aCallbackUsedOnOneNodeIsRefusedOnTheOtherThoughTheIdpWouldRedeemItsCodeAgain() {
        PostgresNode a = cluster.node();
        PostgresNode b = cluster.node();
        String[] captured = completedOn(a);

        HttpResponse<String> replayed = replay(b, captured);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("callback_replayed");
        assertThat(cluster.codes.redeemed()).as("node B never redeemed the code").isEqualTo(1);
        assertThat(cluster.admin.users().findByUsername("ada")).isPresent();
        assertThat(cluster.admin.errorLog().list(0, 10)).extracting(r -> r.kind()).containsExactly("sso.callback_replayed");
    }

    @Test
    void withReplayMemoryPerNodeTheSameReplaySignsInAgainOnTheOtherNode() {
        // why the shared store matters: this is what a cluster without it does with an IdP like this one
        PostgresNode a = cluster.start(cluster.nodeSettings().perNodeReplayMemory());
        PostgresNode b = cluster.start(cluster.nodeSettings().perNodeReplayMemory());
        String[] captured = completedOn(a);

        HttpResponse<String> replayed = replay(b, captured);

        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(cluster.codes.redeemed()).isEqualTo(2);
        assertThat(replay(a, captured).body()).as("node A remembers its own").contains("callback_replayed");
    }

    @Test
    void oneCallbackPresentedToBothNodesAtOnceSignsInExactlyOnce() throws Exception {
        PostgresNode a = cluster.node();
        PostgresNode b = cluster.node();
        HttpBrowser victim = new HttpBrowser();
        BegunLogin login = BegunLogin.at(victim, a.server);
        URI callback = login.callback(cluster.codes.issue(login, "ada"));
        String cookie = victim.cookieHeader(a.server.at(callback));
        int presentations = 8;
        ExecutorService threads = Executors.newFixedThreadPool(presentations);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < presentations; i++) {
                PostgresNode node = i % 2 == 0 ? a : b;
                answers.add(threads.submit(() -> {
                    start.await();
                    return new HttpBrowser().get(node.server.at(callback), "Cookie", cookie).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 400).hasSize(presentations - 1);
            assertThat(cluster.codes.redeemed()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
