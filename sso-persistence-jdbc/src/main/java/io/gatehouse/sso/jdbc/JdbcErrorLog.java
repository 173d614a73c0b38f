package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ErrorLog} on {@code sso_error_log}. Newest first means by time, then by id: the identity column
 * grows with every append, so records with the same time list the latest appended first.
 */
final class JdbcErrorLog implements ErrorLog {
    private final Database db;

    JdbcErrorLog(Database db) {
        this.db = db;
    }

    @Override
    public ErrorRecord append(ErrorRecord record) {
        ErrorRecord stored = new ErrorRecord(null, Timestamps.stored(record.time()), record.kind(), record.info(),
                record.data(), record.path());
        long id = db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_error_log"
                    + " (occurred_at, kind, info, detail, request_path) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                Timestamps.set(s, 1, stored.time());
                s.setString(2, stored.kind());
                s.setString(3, stored.info());
                s.setString(4, stored.data());
                s.setString(5, stored.path());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return stored.withId(Long.toString(id));
    }

    @Override
    public List<ErrorRecord> list(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return db.transaction(c -> {
            List<ErrorRecord> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, occurred_at, kind, info, detail, request_path"
                    + " FROM sso_error_log ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
                s.setInt(1, limit);
                s.setInt(2, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        page.add(new ErrorRecord(Long.toString(rs.getLong("id")), Timestamps.get(rs, "occurred_at"),
                                rs.getString("kind"), rs.getString("info"), rs.getString("detail"),
                                rs.getString("request_path")));
                    }
                }
            }
            return page;
        });
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
