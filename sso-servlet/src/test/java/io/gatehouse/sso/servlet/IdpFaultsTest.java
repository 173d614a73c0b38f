package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.oidc.JwksCache;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testkit.AdjustableClock;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IdP misbehaves while a node on PostgreSQL signs users in: its token endpoint is slower than the time-out,
 * resets the connection or answers 5xx, or its JWKS endpoint goes down after the keys were cached. Each failure is a
 * typed page, stores nothing, leaves no request thread waiting on the IdP, and the next sign-in works once the IdP
 * has recovered.
 */
class IdpFaultsTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(1);

    final AdjustableClock clock = AdjustableClock.followingSystemTime();
    final HttpBrowser browser = new HttpBrowser();
    Cluster cluster;
    PostgresNode node;

    void start() {
        cluster = new Cluster(PG, clock);
        node = cluster.start(cluster.nodeSettings().httpTimeout(HTTP_TIMEOUT).clock(clock));
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** The stacks of live threads inside Gatehouse's engine, providers or servlet (the test's own thread excepted). */
    static List<String> threadsInGatehouse() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != Thread.currentThread())
                .filter(e -> Arrays.stream(e.getValue()).map(StackTraceElement::getClassName).anyMatch(IdpFaultsTest::gatehouse))
                .map(e -> e.getKey().getName() + " " + Arrays.toString(e.getValue())).toList();
    }

    /** A class of Gatehouse's own code; the test fixtures (the fake IdP's server) are not. */
    static boolean gatehouse(String className) {
        return (className.startsWith("io.gatehouse.sso.core.") || className.startsWith("io.gatehouse.sso.provider.")
                || className.equals(SsoServlet.class.getName())) && !className.startsWith("io.gatehouse.sso.core.testing.");
    }

    /** A new user's sign-in meets {@code fault}; then the IdP recovers and the same user signs in. */
    void assertTypedFailureAndRecovery(UnaryOperator<MockResponse> fault, String code) {
        start();
        cluster.codes.answering(fault);
        long begun = System.nanoTime();

        HttpResponse<String> failed = cluster.signIn(browser, node, "ada");

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        assertThat(failed.body()).contains(code);
        assertThat(Duration.ofNanos(System.nanoTime() - begun)).as("within the time-out, with room for a loaded machine")
                .isLessThan(HTTP_TIMEOUT.plusSeconds(4));
        assertThat(threadsInGatehouse()).as("no thread is left waiting on the IdP").isEmpty();
        assertThat(HalfWrittenRows.rows(cluster.schema.dataSource(), "sso_user")).isZero();
        assertThat(cluster.admin.errorLog().list(0, 10)).extracting(r -> r.kind()).containsExactly("sso." + code);

        cluster.codes.recover();

        assertThat(cluster.signIn(browser, node, "ada").statusCode()).isEqualTo(302);
        assertThat(cluster.admin.users().findByUsername("ada")).isPresent();
    }

    @Test
    void aTokenEndpointSlowerThanTheTimeOutIsIdpUnreachable() {
        assertTypedFailureAndRecovery(r -> r.newBuilder().headersDelay(10, TimeUnit.SECONDS).build(), "idp_unreachable");
    }

    @Test
    void aTokenEndpointResettingTheConnectionIsIdpUnreachable() {
        assertTypedFailureAndRecovery(r -> r.newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build(), "idp_unreachable");
    }

    @Test
    void aTokenEndpointAnswering503IsTokenExchangeFailed() {
        assertTypedFailureAndRecovery(r -> FakeIdp.json(503, "{\"error\":\"temporarily_unavailable\"}"), "token_exchange_failed");
    }

    @Test
    void theJwksEndpointGoingDownAfterTheKeysWereCachedStopsNoSignInWithinTheOutageWindow() {
        start();
        assertThat(cluster.signIn(browser, node, "ada").statusCode()).isEqualTo(302);
        int fetched = cluster.idp.jwksFetches();
        cluster.idp.answerJwks(r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        clock.advance(JwksCache.TIME_TO_LIVE.plusMinutes(1));
        HttpResponse<String> whileDown = cluster.signIn(new HttpBrowser(), node, "grace");

        assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(302);
        assertThat(cluster.idp.jwksFetches()).as("the expired cache did try the endpoint").isGreaterThan(fetched);
        assertThat(cluster.admin.users().findByUsername("grace")).isPresent();
        assertThat(cluster.admin.errorLog().list(0, 10)).isEmpty();
    }
}
