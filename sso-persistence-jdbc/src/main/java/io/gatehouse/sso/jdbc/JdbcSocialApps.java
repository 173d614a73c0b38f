package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link SocialAppRepository} on the {@code sso_social_app} and {@code sso_social_app_site} tables. The
 * client secret and key are encrypted with the row's id as associated data, so a new app gets its id
 * first and its sealed values in the same transaction.
 */
final class JdbcSocialApps implements SocialAppRepository {

    /**
     * Sorted here rather than by ORDER BY: database collations differ (PostgreSQL's follow the OS locale),
     * and the SPI's order must not depend on where the data lives.
     */
    private static final Comparator<SocialApp> ORDER = Comparator.comparing(SocialApp::provider)
            .thenComparing(SocialApp::name)
            .thenComparingLong(a -> Long.parseLong(a.id()));
    private static final String COLUMNS =
            "a.id, a.provider, a.provider_id, a.name, a.client_id, a.secret_sealed, a.app_key_sealed, a.settings_json";
    /** An explicit id given to {@link #save} may lie ahead of the identity sequence; skip past such ids. */
    private static final int ID_COLLISION_RETRIES = 100;

    private final Database db;
    private final ColumnCipher cipher;

    JdbcSocialApps(Database db, ColumnCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public List<SocialApp> findAll() {
        return db.transaction(c -> load(c, "1 = 1", null)).stream().sorted(ORDER).toList();
    }

    @Override
    public List<SocialApp> findByProvider(String provider) {
        if (provider == null) {
            return List.of();
        }
        return db.transaction(c -> load(c, "a.provider = ?", provider)).stream().sorted(ORDER).toList();
    }

    @Override
    public Optional<SocialApp> findById(String id) {
        OptionalLong rowId = RowId.parse(id);
        if (rowId.isEmpty()) {
            return Optional.empty();
        }
        return db.transaction(c -> load(c, "a.id = ?", rowId.getAsLong())).stream().findFirst();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the app has an id that is not a number (this store's ids are)
     */
    @Override
    public SocialApp save(SocialApp app) {
        if (app.id() == null) {
            long id = db.transaction(c -> {
                long newId = insertWithNewId(c, app);
                writeColumns(c, newId, app);
                writeSites(c, newId, app.sites());
                return newId;
            });
            return stored(app, id);
        }
        long id = RowId.parse(app.id()).orElseThrow(() -> new IllegalArgumentException(
                "social app ids of this store are numbers, not '" + app.id() + "'"));
        db.transaction(c -> {
            if (!exists(c, id)) {
                insertWithId(c, id, app);
            }
            writeColumns(c, id, app);
            writeSites(c, id, app.sites());
            return null;
        });
        return stored(app, id);
    }

    /** The app as a later read returns it: with its id, and its settings as they read back from JSON. */
    private static SocialApp stored(SocialApp app, long id) {
        return app.toBuilder().id(Long.toString(id)).settings(JsonText.stored(app.settings())).build();
    }

    @Override
    public boolean delete(String id) {
        OptionalLong rowId = RowId.parse(id);
        if (rowId.isEmpty()) {
            return false;
        }
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_social_app WHERE id = ?")) {
                s.setLong(1, rowId.getAsLong());
                return s.executeUpdate() == 1;
            }
        });
    }

    private List<SocialApp> load(Connection c, String where, Object parameter) throws SQLException {
        Map<Long, Set<String>> sites = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.app_id, s.site_domain FROM sso_social_app_site s"
                + " JOIN sso_social_app a ON a.id = s.app_id WHERE " + where)) {
            bind(s, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sites.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        List<SocialApp> apps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_social_app a WHERE " + where)) {
            bind(s, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String rowKey = Long.toString(id);
                    apps.add(SocialApp.builder(rs.getString("provider")).id(rowKey).providerId(rs.getString("provider_id"))
                            .name(rs.getString("name")).clientId(rs.getString("client_id"))
                            .secret(cipher.open(SealedColumn.APP_SECRET, rowKey, rs.getString("secret_sealed")))
                            .key(cipher.open(SealedColumn.APP_KEY, rowKey, rs.getString("app_key_sealed")))
                            .settings(JsonText.readObject(rs.getString("settings_json"))).sites(sites.getOrDefault(id, Set.of()))
                            .build());
                }
            }
        }
        return apps;
    }

    private static void bind(PreparedStatement s, Object parameter) throws SQLException {
        if (parameter != null) {
            s.setObject(1, parameter);
        }
    }

    private static boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM sso_social_app WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long insertWithNewId(Connection c, SocialApp app) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint before = c.setSavepoint();
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sso_social_app (provider, provider_id, name, client_id, settings_json)"
                            + " VALUES (?, ?, ?, ?, '{}')", new String[] {"id"})) {
                s.setString(1, app.provider());
                s.setString(2, app.providerId());
                s.setString(3, app.name());
                s.setString(4, app.clientId());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    long id = keys.getLong(1);
                    c.releaseSavepoint(before);
                    return id;
                }
            } catch (SQLException e) {
                if (!Database.isUniqueViolation(e) || attempt == ID_COLLISION_RETRIES) {
                    throw e;
                }
                c.rollback(before);
            }
        }
    }

    private static void insertWithId(Connection c, long id, SocialApp app) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sso_social_app (id, provider, provider_id, name, client_id, settings_json)"
                        + " VALUES (?, ?, ?, ?, ?, '{}')")) {
            s.setLong(1, id);
            s.setString(2, app.provider());
            s.setString(3, app.providerId());
            s.setString(4, app.name());
            s.setString(5, app.clientId());
            s.executeUpdate();
        }
    }

    private void writeColumns(Connection c, long id, SocialApp app) throws SQLException {
        String rowKey = Long.toString(id);
        try (PreparedStatement s = c.prepareStatement("UPDATE sso_social_app SET provider = ?, provider_id = ?,"
                + " name = ?, client_id = ?, secret_sealed = ?, app_key_sealed = ?, settings_json = ? WHERE id = ?")) {
            s.setString(1, app.provider());
            s.setString(2, app.providerId());
            s.setString(3, app.name());
            s.setString(4, app.clientId());
            s.setString(5, cipher.seal(SealedColumn.APP_SECRET, rowKey, app.secret()));
            s.setString(6, cipher.seal(SealedColumn.APP_KEY, rowKey, app.key()));
            s.setString(7, JsonText.write(app.settings()));
            s.setLong(8, id);
            s.executeUpdate();
        }
    }

    private static void writeSites(Connection c, long id, Set<String> sites) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_social_app_site WHERE app_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        if (sites.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sso_social_app_site (app_id, site_domain) VALUES (?, ?)")) {
            for (String site : sites) {
                s.setLong(1, id);
                s.setString(2, site);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
