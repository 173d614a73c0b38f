package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.SettingsStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** {@link SettingsStore} on {@code sso_setting}: one row per key, read at each call so changes apply at once. */
final class JdbcSettings implements SettingsStore {
    private final Database db;

    JdbcSettings(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM sso_setting WHERE name = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        try {
            write(key, value);
        } catch (DuplicateKeyException e) {
            // another node inserted the key between our update and insert: now the update finds it
            write(key, value);
        }
    }

    /** Update, else insert: portable where the upsert syntax of H2 and PostgreSQL differs. */
    private void write(String key, String value) {
        db.transaction(c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE sso_setting SET setting_value = ? WHERE name = ?")) {
                s.setString(1, value);
                s.setString(2, key);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO sso_setting (name, setting_value) VALUES (?, ?)")) {
                    s.setString(1, key);
                    s.setString(2, value);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void remove(String key) {
        if (key == null) {
            return;
        }
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_setting WHERE name = ?")) {
                s.setString(1, key);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, String> all() {
        // a TreeMap, not ORDER BY: database collations differ, the SPI's order must not
        return db.transaction(c -> {
            Map<String, String> all = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, setting_value FROM sso_setting");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getString(1), rs.getString(2));
                }
            }
            return all;
        });
    }
}
