package io.gatehouse.sso.jdbc;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Data sources for an embedded H2 database, for demos, tests and single-node installations. Needs
 * {@code com.h2database:h2} on the class path (an optional dependency of this module). No pool: H2 embedded
 * opens connections cheaply; give {@link JdbcStores} a pooled data source of your own if you like.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(EmbeddedH2.file(Path.of("data/gatehouse")), keys);
 * JdbcStores scratch = JdbcStores.create(EmbeddedH2.inMemory("demo"), keys);
 * }</pre>
 */
public final class EmbeddedH2 {
    private EmbeddedH2() {
    }

    /**
     * A named in-memory database that lives until the JVM exits (even when no connection is open).
     *
     * @param name the database name; the same name in one JVM is the same database
     * @return a data source for it
     */
    public static DataSource inMemory(String name) {
        Objects.requireNonNull(name, "name");
        return url("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * A database in files next to {@code basePath} (H2 adds {@code .mv.db}).
     *
     * @param basePath the file path without H2's extension
     * @return a data source for it
     */
    public static DataSource file(Path basePath) {
        Objects.requireNonNull(basePath, "basePath");
        return url("jdbc:h2:file:" + basePath.toAbsolutePath());
    }

    /**
     * A data source for any H2 JDBC URL, e.g. {@code jdbc:h2:tcp://host/db} for H2 in server mode.
     *
     * @param jdbcUrl the URL, starting with {@code jdbc:h2:}
     * @return a data source for it
     */
    public static DataSource url(String jdbcUrl) {
        try {
            Class.forName("org.h2.jdbcx.JdbcDataSource", false, EmbeddedH2.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("EmbeddedH2 needs H2 on the class path: add the Maven dependency"
                    + " com.h2database:h2", e);
        }
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(jdbcUrl);
        return dataSource;
    }
}
