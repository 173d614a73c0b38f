package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorQuery;
import io.gatehouse.sso.spi.ErrorRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@link ErrorLog} on {@code sso_error_log}. Newest first means by time, then by id: the identity column
 * grows with every append, so records with the same time list the latest appended first. Counted failures
 * find their row by {@code flood_key}, whose unique index makes "one row per window" hold across nodes: of two
 * nodes inserting the same key at once, one fails and counts on the other's row instead.
 */
final class JdbcErrorLog implements ErrorLog {
    private static final String COLUMNS = "id, occurred_at, kind, info, detail, request_path, provider, occurrences, first_at";
    /** An insert that lost the race to another node's is retried as an update once; more is a broken store. */
    private static final int COUNT_ATTEMPTS = 3;

    private final Database db;

    JdbcErrorLog(Database db) {
        this.db = db;
    }

    @Override
    public ErrorRecord append(ErrorRecord record) {
        return db.transaction(c -> insert(c, record, null));
    }

    @Override
    public ErrorRecord count(ErrorRecord record, Duration window) {
        String key = floodKey(record, window);
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transaction(c -> {
                    Optional<ErrorRecord> counted = countOn(c, key, record.time());
                    return counted.isPresent() ? counted.get() : insert(c, record, key);
                });
            } catch (DuplicateKeyException e) {
                if (attempt == COUNT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Optional<ErrorRecord> countOn(Connection c, String key, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sso_error_log SET occurrences = occurrences + 1,"
                + " occurred_at = GREATEST(occurred_at, ?) WHERE flood_key = ?")) {
            Timestamps.set(s, 1, at);
            s.setString(2, key);
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_error_log WHERE flood_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Optional.of(record(rs));
            }
        }
    }

    private static ErrorRecord insert(Connection c, ErrorRecord record, String floodKey) throws SQLException {
        ErrorRecord stored = new ErrorRecord(null, Timestamps.stored(record.time()), record.kind(), record.info(),
                record.data(), record.path(), record.provider(), record.count(), Timestamps.stored(record.firstTime()));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_error_log (occurred_at, kind, info, detail,"
                + " request_path, provider, occurrences, first_at, flood_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            Timestamps.set(s, 1, stored.time());
            s.setString(2, stored.kind());
            s.setString(3, stored.info());
            s.setString(4, stored.data());
            s.setString(5, stored.path());
            s.setString(6, stored.provider());
            s.setLong(7, stored.count());
            Timestamps.set(s, 8, stored.firstTime());
            s.setString(9, floodKey);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return stored.withId(Long.toString(keys.getLong(1)));
            }
        }
    }

    /** A digest of what makes failures identical, and the window: bounded, whatever the path's length. */
    private static String floodKey(ErrorRecord record, Duration window) {
        String identity = record.kind() + "\u0000" + record.provider() + "\u0000" + record.path();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ":" + ErrorLog.windowStart(record.time(), window).toEpochMilli();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public List<ErrorRecord> list(ErrorQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            params.add(query.kind());
        }
        if (query.provider() != null) {
            where.append(" AND provider = ?");
            params.add(query.provider());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(query.from());
        }
        if (query.until() != null) {
            where.append(" AND occurred_at < ?");
            params.add(query.until());
        }
        return db.transaction(c -> {
            List<ErrorRecord> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_error_log" + where
                    + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
                int i = 1;
                for (Object p : params) {
                    if (p instanceof Instant at) {
                        Timestamps.set(s, i++, at);
                    } else {
                        s.setString(i++, (String) p);
                    }
                }
                s.setInt(i++, limit);
                s.setInt(i, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        page.add(record(rs));
                    }
                }
            }
            return page;
        });
    }

    private static ErrorRecord record(ResultSet rs) throws SQLException {
        return new ErrorRecord(Long.toString(rs.getLong("id")), Timestamps.get(rs, "occurred_at"), rs.getString("kind"),
                rs.getString("info"), rs.getString("detail"), rs.getString("request_path"), rs.getString("provider"),
                rs.getLong("occurrences"), Timestamps.get(rs, "first_at"));
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_error_log WHERE occurred_at < ?")) {
                Timestamps.set(s, 1, cutoff);
                return s.executeUpdate();
            }
        });
    }
}
