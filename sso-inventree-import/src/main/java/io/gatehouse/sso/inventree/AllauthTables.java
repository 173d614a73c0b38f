package io.gatehouse.sso.inventree;

import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.SocialToken;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads django-allauth's and Django's tables, with their names and columns as allauth's and Django's migrations
 * create them, through plain {@code SELECT}s (identifiers quoted the database's way), so the same code reads
 * PostgreSQL, MySQL / MariaDB and SQLite. Older allauth layouts are understood too: without {@code provider_id}
 * and {@code settings} (before migration 0004), {@code extra_data} as text (before 0006), and without the sites
 * tables (allauth without {@code django.contrib.sites}, InvenTree's default since it made sites optional).
 */
final class AllauthTables {
    static final List<String> REQUIRED = List.of("socialaccount_socialapp", "socialaccount_socialaccount",
            "socialaccount_socialtoken", "auth_user", "auth_group", "auth_user_groups");
    private static final List<String> SITE_TABLES = List.of("socialaccount_socialapp_sites", "django_site");

    private final DataSource source;

    AllauthTables(DataSource source) {
        this.source = source;
    }

    /**
     * @throws NotAnAllauthDatabaseException when a table the importer reads is missing
     * @throws PersistenceException          when the database cannot be read
     */
    AllauthData read() {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(true);
            Sql sql = new Sql(c);
            Map<String, Set<String>> columns = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (String table : REQUIRED) {
                sql.columns(table).ifPresentOrElse(cols -> columns.put(table, cols), () -> missing.add(table));
            }
            if (!missing.isEmpty()) {
                throw new NotAnAllauthDatabaseException(missing);
            }
            boolean sites = SITE_TABLES.stream().allMatch(t -> sql.columns(t).isPresent());
            List<SourceApp> apps = apps(sql, columns.get("socialaccount_socialapp"), sites ? sites(sql) : null);
            List<SourceAccount> accounts = accounts(sql, tokens(sql));
            Set<Long> withAccounts = new HashSet<>();
            accounts.forEach(a -> withAccounts.add(a.userId()));
            List<DjangoUser> users = users(sql, groups(sql), withAccounts);
            int total = sql.count("SELECT COUNT(*) FROM " + sql.q("auth_user"));
            return new AllauthData(apps, accounts, users, total - users.size());
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the InvenTree database: " + e.getMessage(), e);
        }
    }

    private static List<SourceApp> apps(Sql sql, Set<String> columns, Map<Long, Set<String>> sites) throws SQLException {
        boolean v4 = columns.contains("provider_id") && columns.contains("settings");
        List<SourceApp> apps = new ArrayList<>();
        sql.each("SELECT " + sql.q("id", "provider", "name", "client_id", "secret", "key")
                + (v4 ? ", " + sql.q("provider_id", "settings") : "") + " FROM " + sql.q("socialaccount_socialapp")
                + " ORDER BY " + sql.q("id"), rs -> {
            long id = rs.getLong("id");
            apps.add(new SourceApp(id, rs.getString("provider"), v4 ? rs.getString("provider_id") : "",
                    rs.getString("name"), rs.getString("client_id"), rs.getString("secret"), rs.getString("key"),
                    v4 ? rs.getString("settings") : "", sites == null ? null : sites.getOrDefault(id, Set.of())));
        });
        return apps;
    }

    private static Map<Long, Set<String>> sites(Sql sql) throws SQLException {
        Map<Long, Set<String>> sites = new HashMap<>();
        sql.each("SELECT s." + sql.q("socialapp_id") + ", d." + sql.q("domain") + " FROM "
                + sql.q("socialaccount_socialapp_sites") + " s JOIN " + sql.q("django_site") + " d ON d." + sql.q("id")
                + " = s." + sql.q("site_id"), rs -> sites.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2)));
        return sites;
    }

    /** The newest token of each account (allauth keeps one per app and account). */
    private static Map<Long, SocialToken> tokens(Sql sql) throws SQLException {
        Map<Long, SocialToken> tokens = new HashMap<>();
        sql.each("SELECT " + sql.q("account_id", "token", "token_secret", "expires_at") + " FROM "
                + sql.q("socialaccount_socialtoken") + " ORDER BY " + sql.q("id"), rs -> {
            String access = rs.getString("token");
            String refresh = rs.getString("token_secret");
            if (access != null && !access.isEmpty()) {
                tokens.put(rs.getLong("account_id"), new SocialToken(access, refresh == null || refresh.isEmpty() ? null : refresh,
                        instant(rs.getTimestamp("expires_at"))));
            }
        });
        return tokens;
    }

    private static List<SourceAccount> accounts(Sql sql, Map<Long, SocialToken> tokens) throws SQLException {
        List<SourceAccount> accounts = new ArrayList<>();
        sql.each("SELECT " + sql.q("id", "user_id", "provider", "uid", "last_login", "date_joined", "extra_data")
                + " FROM " + sql.q("socialaccount_socialaccount") + " ORDER BY " + sql.q("id"), rs -> {
            long id = rs.getLong("id");
            accounts.add(new SourceAccount(id, rs.getLong("user_id"), rs.getString("provider"), rs.getString("uid"),
                    instant(rs.getTimestamp("last_login")), instant(rs.getTimestamp("date_joined")),
                    rs.getString("extra_data"), tokens.get(id)));
        });
        return accounts;
    }

    private static Map<Long, Set<String>> groups(Sql sql) throws SQLException {
        Map<Long, Set<String>> groups = new HashMap<>();
        sql.each("SELECT ug." + sql.q("user_id") + ", g." + sql.q("name") + " FROM " + sql.q("auth_user_groups")
                + " ug JOIN " + sql.q("auth_group") + " g ON g." + sql.q("id") + " = ug." + sql.q("group_id"),
                rs -> groups.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2)));
        return groups;
    }

    private static List<DjangoUser> users(Sql sql, Map<Long, Set<String>> groups, Set<Long> wanted) throws SQLException {
        List<DjangoUser> users = new ArrayList<>();
        sql.each("SELECT " + sql.q("id", "username", "email", "first_name", "last_name", "is_active") + " FROM "
                + sql.q("auth_user") + " ORDER BY " + sql.q("id"), rs -> {
            long id = rs.getLong("id");
            if (wanted.contains(id)) {
                users.add(new DjangoUser(id, rs.getString("username"), rs.getString("email"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getBoolean("is_active"), groups.getOrDefault(id, Set.of())));
            }
        });
        return users;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Statements on one connection, with identifiers quoted the database's way ({@code "key"}, {@code `key`}). */
    private static final class Sql {
        interface Row {
            void read(ResultSet rs) throws SQLException;
        }

        private final Connection c;
        private final String quote;

        Sql(Connection c) throws SQLException {
            this.c = c;
            String q = c.getMetaData().getIdentifierQuoteString();
            this.quote = q == null || q.isBlank() ? "" : q.trim();
        }

        String q(String... names) {
            List<String> quoted = new ArrayList<>();
            for (String name : names) {
                quoted.add(quote + name + quote);
            }
            return String.join(", ", quoted);
        }

        /** The table's columns in lower case, or empty when it does not exist here. */
        Optional<Set<String>> columns(String table) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + q(table) + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                Set<String> columns = new HashSet<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                return Optional.of(columns);
            } catch (SQLException e) {
                return Optional.empty();
            }
        }

        void each(String query, Row row) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }

        int count(String query) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
