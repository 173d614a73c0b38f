package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema up to date at start-up: applies the SQL scripts shipped in this jar
 * ({@code io/gatehouse/sso/jdbc/migration/V<n>__<description>.sql}) that the {@code sso_schema_version}
 * table does not list yet, in order, under a lock so that nodes starting together apply each script once.
 * A database newer than this code is refused, and so is a script changed after it was applied.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /**
     * The scripts, oldest first. Listed here because a jar's folder cannot be listed portably. They are not
     * under the class-path root {@code db/migration}, where a host's own Flyway would pick them up as its own.
     */
    private static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__single_use_values.sql", "V3__sessions.sql",
            "V5__error_log_counts_and_token_scopes.sql");
    private static final String FOLDER = "/io/gatehouse/sso/jdbc/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** One script of the schema history. */
    record Script(int version, String description, String sql, String checksum) {
    }

    private final Database db;
    private final Dialect dialect;
    private final List<Script> scripts;

    SchemaMigrations(Database db, Dialect dialect) {
        this(db, dialect, SCRIPTS.stream().map(SchemaMigrations::load).toList());
    }

    SchemaMigrations(Database db, Dialect dialect, List<Script> scripts) {
        this.db = db;
        this.dialect = dialect;
        this.scripts = List.copyOf(scripts);
    }

    /** The scripts' file names, oldest first: what a host's own Flyway or Liquibase applies. */
    static List<String> scriptNames() {
        return SCRIPTS;
    }

    /** The newest schema version this code knows. */
    static int latestVersion() {
        Matcher m = NAME.matcher(SCRIPTS.get(SCRIPTS.size() - 1));
        if (!m.matches()) {
            throw new IllegalStateException("bad migration name");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Applies what is missing and returns the schema version.
     *
     * @throws SchemaVersionTooNewException when the database was migrated by a newer Gatehouse
     */
    int migrate() {
        return db.transaction(c -> {
            try (Dialect.MigrationLock lock = dialect.lockForMigration(c)) {
                createHistoryTable(c);
                Map<Integer, String> applied = applied(c);
                int known = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
                int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (current > known) {
                    throw new SchemaVersionTooNewException(current, known);
                }
                for (Script script : scripts) {
                    String checksum = applied.get(script.version());
                    if (checksum == null) {
                        apply(c, script);
                        current = script.version();
                    } else if (!checksum.equals(script.checksum())) {
                        throw new PersistenceException("migration V" + script.version() + "__" + script.description()
                                + " was changed after it was applied to this database (checksum " + checksum
                                + " in sso_schema_version, " + script.checksum() + " in the jar)");
                    }
                }
                // commit while still holding the lock: the next node must see the history rows we wrote
                c.commit();
                return current;
            }
        });
    }

    private static void createHistoryTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sso_schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " installed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM sso_schema_version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static void apply(Connection c, Script script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements(script.sql())) {
                s.execute(statement);
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sso_schema_version (version, description, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
            s.setInt(1, script.version());
            s.setString(2, script.description());
            s.setString(3, script.checksum());
            s.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        LOG.info("Applied database migration V{}__{}", script.version(), script.description());
    }

    /** Splits a script at semicolons that end a line, dropping {@code --} comment lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static Script load(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration " + fileName + " is not named V<n>__<description>.sql");
        }
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalStateException("migration " + fileName + " is missing from the jar");
            }
            // line endings must not change a checksum: a checkout on Windows is still the same script
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return new Script(Integer.parseInt(m.group(1)), m.group(2), sql, sha256(sql));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + fileName, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
