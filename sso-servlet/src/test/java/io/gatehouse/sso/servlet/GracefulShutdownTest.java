package io.gatehouse.sso.servlet;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node stopping ({@code LoginEngine.shutdown(bound)}) while callbacks are under way: they finish, new sign-in
 * steps get a 503 that sends the browser elsewhere, and the database holds every finished sign-in whole and nothing
 * of the refused ones. The IdP's token endpoint is slow, so the callbacks are caught mid-flight.
 */
class GracefulShutdownTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    Cluster cluster;
    PostgresNode node;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        cluster = new Cluster(PG);
        node = cluster.node();
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        cluster.close();
    }

    /** Callbacks of new users, each in its own browser, sent while the IdP takes {@code idpDelay} to answer. */
    List<Future<HttpResponse<String>>> callbacksUnderWay(int count, Duration idpDelay) throws InterruptedException {
        cluster.codes.answering(r -> r.newBuilder().headersDelay(idpDelay.toMillis(), TimeUnit.MILLISECONDS).build());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpBrowser browser = new HttpBrowser();
            BegunLogin login = BegunLogin.at(browser, node.server);
            URI callback = node.server.at(login.callback(cluster.codes.issue(login, "user" + i)));
            answers.add(threads.submit(() -> browser.get(callback)));
        }
        awaitTrue(() -> cluster.idp.tokenRequests().size() == count, "every callback is in its code exchange");
        return answers;
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aStoppingNodeLetsTheCallbacksUnderWayFinishAndRefusesNewStepsWith503() throws Exception {
        HttpBrowser late = new HttpBrowser();
        BegunLogin begunBeforeTheStop = BegunLogin.at(late, node.server);
        List<Future<HttpResponse<String>>> underWay = callbacksUnderWay(3, Duration.ofMillis(1500));

        Future<Boolean> stopping = threads.submit(() -> node.engine.shutdown(Duration.ofSeconds(30)));
        HttpResponse<String> newLogin;
        do {
            newLogin = new HttpBrowser().get(node.server.uri("/app/accounts/openid_connect/login/"));
        } while (newLogin.statusCode() == 302 && !stopping.isDone());
        HttpResponse<String> lateCallback = late.get(node.server.at(begunBeforeTheStop.callback(
                cluster.codes.issue(begunBeforeTheStop, "late"))));

        assertThat(newLogin.statusCode()).isEqualTo(503);
        assertThat(newLogin.body()).contains("shutting_down");
        assertThat(newLogin.headers().firstValue("Retry-After")).isPresent();
        assertThat(lateCallback.statusCode()).isEqualTo(503);
        assertThat(lateCallback.body()).contains("shutting_down");
        assertThat(stopping.get(30, TimeUnit.SECONDS)).as("every step finished within the bound").isTrue();
        for (Future<HttpResponse<String>> answer : underWay) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
        }
        assertThat(HalfWrittenRows.rows(cluster.schema.dataSource(), "sso_user")).isEqualTo(3);
        assertThat(cluster.admin.users().findByUsername("late")).isEmpty();
        assertThat(HalfWrittenRows.count(cluster.schema.dataSource())).isZero();
    }

    @Test
    void aCallbackStillRunningWhenTheBoundPassesIsLeftToFinishWhole() throws Exception {
        Future<HttpResponse<String>> underWay = callbacksUnderWay(1, Duration.ofMillis(2500)).get(0);

        long start = System.nanoTime();
        boolean drained = node.engine.shutdown(Duration.ofMillis(300));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(drained).isFalse();
        assertThat(waited).isBetween(Duration.ofMillis(250), Duration.ofMillis(2400));
        assertThat(underWay.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
        assertThat(cluster.admin.users().findByUsername("user0")).isPresent();
        assertThat(HalfWrittenRows.count(cluster.schema.dataSource())).isZero();
    }
}
