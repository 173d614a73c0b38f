package io.gatehouse.sso.inventree;

import io.gatehouse.sso.fixtures.PostgresDatabases;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An InvenTree database on the test PostgreSQL: a schema of its own holding Django's and django-allauth's tables
 * exactly as their migrations create them ({@code inventree-postgresql.sql}), and rows written the way Django writes
 * them. Its rows are written on one connection (a new one per statement would spend a test's time in
 * PostgreSQL's password handshake); {@link #close} ends it.
 */
final class InvenTreeDatabase implements AutoCloseable {
    final PGSimpleDataSource dataSource;
    private final Connection connection;

    InvenTreeDatabase(PGSimpleDataSource dataSource) {
        this.dataSource = dataSource;
        try {
            this.connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the test PostgreSQL", e);
        }
        try (InputStream in = InvenTreeDatabase.class.getResourceAsStream("/inventree-postgresql.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : script.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    sql(statement);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL of this schema for the command line (user and password go separately). */
    String url() {
        return urlOf(dataSource);
    }

    /** A JDBC URL of a test schema: the configured database with {@code currentSchema}. */
    static String urlOf(PGSimpleDataSource schema) {
        String base = PostgresDatabases.setting("GATEHOUSE_PG_URL");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema.getCurrentSchema();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    void sql(String statement, Object... params) {
        try (PreparedStatement s = connection.prepareStatement(statement)) {
            bind(s, params);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    int insert(String statement, Object... params) {
        try (PreparedStatement s = connection.prepareStatement(statement + " RETURNING id")) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            s.setObject(i + 1, p instanceof Instant t ? Timestamp.from(t) : p);
        }
    }

    int site(String domain, String name) {
        return insert("INSERT INTO django_site (domain, name) VALUES (?, ?)", domain, name);
    }

    int group(String name) {
        return insert("INSERT INTO auth_group (name) VALUES (?)", name);
    }

    /** A user as Django's createsuperuser / sign-up writes it (an unusable password: SSO users have none). */
    int user(String username, String email, String first, String last, boolean active, int... groups) {
        int id = insert("INSERT INTO auth_user (password, last_login, is_superuser, username, first_name, last_name, email,"
                + " is_staff, is_active, date_joined) VALUES ('!unusable-password-hash', ?, false, ?, ?, ?, ?, false, ?, ?)",
                Instant.parse("2025-03-02T08:15:00Z"), username, first, last, email, active, Instant.parse("2024-11-18T10:00:00Z"));
        for (int group : groups) {
            sql("INSERT INTO auth_user_groups (user_id, group_id) VALUES (?, ?)", id, group);
        }
        return id;
    }

    int app(String provider, String providerId, String name, String clientId, String secret, String settingsJson, int... sites) {
        int id = insert("INSERT INTO socialaccount_socialapp (provider, name, client_id, secret, key, provider_id, settings)"
                + " VALUES (?, ?, ?, ?, '', ?, ?::jsonb)", provider, name, clientId, secret, providerId, settingsJson);
        for (int site : sites) {
            sql("INSERT INTO socialaccount_socialapp_sites (socialapp_id, site_id) VALUES (?, ?)", id, site);
        }
        return id;
    }

    int account(int user, String provider, String uid, String extraDataJson) {
        return insert("INSERT INTO socialaccount_socialaccount (provider, uid, last_login, date_joined, extra_data, user_id)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?)", provider, uid, Instant.parse("2025-03-02T08:15:00Z"),
                Instant.parse("2024-11-18T10:00:00Z"), extraDataJson, user);
    }

    void token(int account, int app, String token, String tokenSecret, Instant expiresAt) {
        sql("INSERT INTO socialaccount_socialtoken (token, token_secret, expires_at, account_id, app_id) VALUES (?, ?, ?, ?, ?)",
                token, tokenSecret, expiresAt, account, app);
    }
}
