package io.gatehouse.sso.jdbc;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URI;

/**
 * One schema of the test PostgreSQL (see {@link PostgresDatabases#freshSchema()}): where it is and how to log in, so
 * a test can reach it directly, through a {@link TcpProxy}, or with a connection pool of its own.
 *
 * @param url      the JDBC URL of the database, e.g. {@code jdbc:postgresql://127.0.0.1:55432/gatehouse}
 * @param user     the login
 * @param password its password
 * @param name     the schema every connection works in
 */
public record PostgresSchema(String url, String user, String password, String name) {

    /** A data source without a pool: every call opens its own connection. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setCurrentSchema(name);
        return dataSource;
    }

    /** The same schema reached through the proxy (which must forward to {@link #host()}:{@link #port()}). */
    public PostgresSchema through(TcpProxy proxy) {
        return new PostgresSchema(url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"), user, password, name);
    }

    /** The server's host. */
    public String host() {
        return server().getHost();
    }

    /** The server's port. */
    public int port() {
        int port = server().getPort();
        return port == -1 ? 5432 : port;
    }

    private URI server() {
        return URI.create(url.substring("jdbc:".length()));
    }
}
