package io.gatehouse.sso.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every encrypted value in the database, seen as a whole: checked against the key ring at start-up (so a
 * missing or wrong key stops the application before the first login fails), and rewritten under the
 * current key after a rotation.
 */
final class StoredSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(StoredSecrets.class);
    private static final int BATCH = 200;

    /** One stored value and the row it belongs to. */
    private record Value(String rowKey, String sealed) {
    }

    private final Database db;
    private final ColumnCipher cipher;

    StoredSecrets(Database db, ColumnCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /**
     * Fails unless every stored value names a key id of the ring, and each key of the ring decrypts one
     * value written under it (the cheap way to notice a wrong key given under a right id).
     *
     * @throws UnknownSecretKeyException naming the key ids the ring lacks
     * @throws SecretDecryptionException naming the key id whose key does not fit
     */
    void verify() {
        db.transaction(c -> {
            Set<String> unknown = new TreeSet<>();
            for (SealedColumn column : SealedColumn.ALL) {
                unknown.addAll(foreignKeyIds(c, column));
            }
            if (!unknown.isEmpty()) {
                throw new UnknownSecretKeyException(unknown);
            }
            for (SealedColumn column : SealedColumn.ALL) {
                for (String keyId : cipher.keys().keyIds()) {
                    for (Value v : select(c, column, List.of(keyId), true, 1)) {
                        cipher.open(column, v.rowKey(), v.sealed());
                    }
                }
            }
            return null;
        });
    }

    /**
     * Rewrites every value that is not under the current key. Each value is replaced only if it is still
     * the one read, so a concurrent write (already under a current key) is never overwritten.
     *
     * @return how many values were rewritten
     */
    int reencrypt() {
        String current = cipher.keys().currentKeyId();
        int total = 0;
        for (SealedColumn column : SealedColumn.ALL) {
            while (true) {
                int rewritten = db.transaction(c -> {
                    int count = 0;
                    for (Value v : select(c, column, List.of(current), false, BATCH)) {
                        String fresh = cipher.seal(column, v.rowKey(), cipher.open(column, v.rowKey(), v.sealed()));
                        try (PreparedStatement s = c.prepareStatement("UPDATE " + column.table() + " SET "
                                + column.column() + " = ? WHERE " + column.rowKey() + " = ? AND " + column.column() + " = ?")) {
                            s.setString(1, fresh);
                            s.setLong(2, Long.parseLong(v.rowKey()));
                            s.setString(3, v.sealed());
                            count += s.executeUpdate();
                        }
                    }
                    return count;
                });
                total += rewritten;
                if (rewritten == 0) {
                    break;
                }
            }
        }
        LOG.info("Re-encrypted {} stored secret value(s) under key id {}", total, current);
        return total;
    }

    /** Key ids found in the column that the ring does not have; one query per id found, usually none. */
    private Set<String> foreignKeyIds(Connection c, SealedColumn column) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        while (true) {
            List<String> excluded = new ArrayList<>(cipher.keys().keyIds());
            excluded.addAll(found);
            List<Value> other = select(c, column, excluded, false, 1);
            if (other.isEmpty()) {
                return found;
            }
            Value v = other.get(0);
            found.add(ColumnCipher.keyIdOf(v.sealed(), column.location(v.rowKey())));
        }
    }

    /**
     * Values of the column written under one of {@code keyIds} ({@code matching}) or under none of them.
     * Key ids hold no LIKE wildcards ({@link SecretKeyRing} checks them), so they go into patterns as they are.
     */
    private static List<Value> select(Connection c, SealedColumn column, Collection<String> keyIds, boolean matching,
                                      int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(column.rowKey()).append(", ").append(column.column())
                .append(" FROM ").append(column.table()).append(" WHERE ").append(column.column()).append(" IS NOT NULL");
        List<String> patterns = keyIds.stream().map(id -> ColumnCipher.FORMAT + ":" + id + ":%").toList();
        if (matching) {
            sql.append(" AND (").append(String.join(" OR ", patterns.stream().map(p -> column.column() + " LIKE ?").toList()))
                    .append(")");
        } else {
            patterns.forEach(p -> sql.append(" AND ").append(column.column()).append(" NOT LIKE ?"));
        }
        sql.append(" ORDER BY ").append(column.rowKey()).append(" LIMIT ").append(limit);
        List<Value> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < patterns.size(); i++) {
                s.setString(i + 1, patterns.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(new Value(Long.toString(rs.getLong(1)), rs.getString(2)));
                }
            }
        }
        return values;
    }
}
