package io.gatehouse.sso.inventree;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * A {@link DataSource} for a JDBC URL, user and password, whose driver is found among the drivers on this class's
 * class path (which need not be the one {@link java.sql.DriverManager} was first used from, as under
 * {@code mvn exec:java}). One connection per call; the command line makes few.
 */
final class UrlDataSource implements DataSource {
    private final String url;
    private final String user;
    private final String password;

    /**
     * @param user     the user, or null when the URL carries it
     * @param password the password, or null
     */
    UrlDataSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (pw != null) {
            properties.setProperty("password", pw);
        }
        for (Driver driver : ServiceLoader.load(Driver.class, UrlDataSource.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, properties);
            }
        }
        // the URL is not echoed whole: it may carry a password
        throw new SQLException("no JDBC driver on the class path accepts " + scheme() + " URLs; add the database's driver"
                + " (PostgreSQL's and H2's are included)");
    }

    private String scheme() {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? "these" : url.substring(0, second + 1);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through it
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the driver's own time-out applies
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
