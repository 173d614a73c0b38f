package io.gatehouse.sso.servlet;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.fixtures.PostgresSchema;
import io.gatehouse.sso.fixtures.TcpProxy;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.testidp.FakeIdp;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster and fault tests share: a fresh PostgreSQL schema prepared as an admin would, a {@link FakeIdp}
 * with its {@link IdpCodes}, one transaction key, and the {@link PostgresNode}s a test starts (all stopped by
 * {@link #close()}).
 */
final class Cluster implements AutoCloseable {
    final FakeIdp idp = new FakeIdp();
    final IdpCodes codes;
    final String transactionKey = TwoContainersTest.newKey();
    final PostgresSchema schema;
    /** The admin's stores: the tests' view of the database. */
    final JdbcStores admin;
    private final List<PostgresNode> nodes = new ArrayList<>();

    Cluster(PostgresDatabases pg) {
        this(pg, Clock.systemUTC());
    }

    /** A cluster whose IdP issues tokens by {@code clock} (give the nodes the same clock). */
    Cluster(PostgresDatabases pg, Clock clock) {
        this.codes = new IdpCodes(idp, clock);
        this.schema = pg.freshSchema();
        this.admin = PostgresNode.prepare(schema, idp);
    }

    /** Settings for a node of this cluster (its schema and transaction key), to adjust before {@link #start}. */
    PostgresNode.Builder nodeSettings() {
        return PostgresNode.on(schema, transactionKey);
    }

    /** Settings for a node that reaches the database through {@code proxy} (which forwards to the schema's server). */
    PostgresNode.Builder nodeSettingsThrough(TcpProxy proxy) {
        return PostgresNode.on(schema.through(proxy), transactionKey);
    }

    /** A proxy to this cluster's database server, for a node the test will cut off from it. */
    TcpProxy proxyToDatabase() {
        return TcpProxy.to(schema.host(), schema.port());
    }

    PostgresNode start(PostgresNode.Builder settings) {
        PostgresNode node = settings.start();
        nodes.add(node);
        return node;
    }

    /** A node with the default settings. */
    PostgresNode node() {
        return start(nodeSettings());
    }

    /** A whole sign-in of {@code subject} in {@code browser} at {@code node}; returns the callback's answer. */
    HttpResponse<String> signIn(HttpBrowser browser, PostgresNode node, String subject) {
        BegunLogin login = BegunLogin.at(browser, node.server);
        return browser.get(node.server.at(login.callback(codes.issue(login, subject))));
    }

    @Override
    public void close() {
        nodes.forEach(PostgresNode::close);
        idp.close();
    }
}
