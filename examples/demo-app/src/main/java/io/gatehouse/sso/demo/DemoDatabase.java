package io.gatehouse.sso.demo;

import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's H2 database with Gatehouse's JDBC stores. By default a fresh in-memory database for every run
 * (nothing to clean up, every start shows the defaults); with {@code DEMO_H2_FILE} a file database that keeps
 * users, apps and settings across restarts. Client secrets and tokens are encrypted with {@code DEMO_DB_KEYS};
 * without it a key is generated: per run in memory, and kept next to a file database in {@code <file>.keys}
 * (readable by the owner only), since the encrypted values are unreadable without it.
 *
 * <pre>{@code
 * try (DemoDatabase db = DemoDatabase.open(options)) {
 *     JdbcStores stores = db.stores();
 * }
 * }</pre>
 */
public final class DemoDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDatabase.class);

    private final DataSource dataSource;
    private final JdbcStores stores;
    private final String description;
    private final boolean inMemory;

    private DemoDatabase(DataSource dataSource, JdbcStores stores, String description, boolean inMemory) {
        this.dataSource = dataSource;
        this.stores = stores;
        this.description = description;
        this.inMemory = inMemory;
    }

    /** Opens (and migrates) the database {@code DEMO_H2_FILE} names, or a fresh in-memory one. */
    public static DemoDatabase open(DemoOptions options) {
        Optional<Path> file = options.h2File().map(Path::toAbsolutePath);
        SecretKeyRing keys;
        try {
            keys = options.databaseKeys().isEmpty() ? file.map(DemoDatabase::keysNextTo).orElseGet(DemoDatabase::freshKeys)
                    : SecretKeyRing.parse(options.databaseKeys());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DEMO_DB_KEYS: " + e.getMessage(), e);
        }
        DataSource dataSource;
        String description;
        if (file.isPresent()) {
            dataSource = EmbeddedH2.file(file.get());
            description = "H2 file " + file.get() + ".mv.db";
        } else {
            dataSource = EmbeddedH2.inMemory("gatehouse-demo-" + UUID.randomUUID());
            description = "H2 in memory (fresh every start; DEMO_H2_FILE keeps it in a file)";
        }
        return new DemoDatabase(dataSource, JdbcStores.create(dataSource, keys), description, file.isEmpty());
    }

    private static SecretKeyRing freshKeys() {
        return SecretKeyRing.of("demo", SecretKeyRing.generateKey());
    }

    private static SecretKeyRing keysNextTo(Path database) {
        Path keyFile = database.resolveSibling(database.getFileName() + ".keys");
        try {
            if (Files.exists(keyFile)) {
                return SecretKeyRing.parse(Files.readString(keyFile).trim());
            }
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            String spec = "demo:" + SecretKeyRing.generateKey();
            Files.writeString(keyFile, spec + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("File permissions of {} not restricted (not a POSIX file system)", keyFile);
            }
            LOG.info("Generated the database's secret key in {} (keep it with the database)", keyFile);
            return SecretKeyRing.parse(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("The database key file " + keyFile + " cannot be read or written", e);
        }
    }

    public JdbcStores stores() {
        return stores;
    }

    /** Where the data lives, for the start-up banner. */
    public String description() {
        return description;
    }

    /** Drops an in-memory database (it would otherwise live as long as the JVM); a file database just stays. */
    @Override
    public void close() {
        if (!inMemory) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("In-memory database not shut down: {}", e.toString());
        }
    }
}
