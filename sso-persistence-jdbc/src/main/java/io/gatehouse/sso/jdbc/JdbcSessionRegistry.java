package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SsoSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SessionRegistry} on {@code sso_session}, shared by every node on the database. The ID token is encrypted
 * with the row's id as associated data. Ending is a conditional update ({@code ended_at IS NULL}), which the
 * database grants to one caller per row, so concurrent logouts on several nodes end a session once. Expired rows
 * are deleted by {@link ExpiredRows}.
 */
final class JdbcSessionRegistry implements SessionRegistry {
    private static final String COLUMNS = "id, handle, user_id, provider, app_id, subject, sid, id_token_sealed,"
            + " signed_in_at, expires_at, ended_at";

    private final Database db;
    private final ColumnCipher cipher;
    private final Clock clock;
    private final ExpiredRows expired;

    JdbcSessionRegistry(Database db, ColumnCipher cipher, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
        this.expired = new ExpiredRows(db, "sso_session", "id", clock.instant());
    }

    @Override
    public void add(SsoSession session) {
        Objects.requireNonNull(session, "session");
        db.transaction(c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_session (handle, user_id, provider, app_id, subject,"
                    + " sid, signed_in_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                s.setString(1, session.id());
                s.setString(2, session.userId());
                s.setString(3, session.provider());
                s.setString(4, session.appId());
                s.setString(5, session.subject());
                s.setString(6, session.sid());
                Timestamps.set(s, 7, session.signedInAt());
                Timestamps.set(s, 8, session.expiresAt());
                Timestamps.set(s, 9, session.endedAt());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            // sealed once the row has its id: the id is part of the ciphertext's associated data
            try (PreparedStatement s = c.prepareStatement("UPDATE sso_session SET id_token_sealed = ? WHERE id = ?")) {
                s.setString(1, cipher.seal(SealedColumn.SESSION_ID_TOKEN, Long.toString(id), session.idToken()));
                s.setLong(2, id);
                s.executeUpdate();
            }
            return null;
        });
        expired.purgeIfDue(clock.instant());
    }

    @Override
    public Optional<SsoSession> find(String id) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_session WHERE handle = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(session(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean end(String id, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE sso_session SET ended_at = ? WHERE handle = ? AND ended_at IS NULL")) {
                Timestamps.set(s, 1, at);
                s.setString(2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public SessionsEnded endAll(String provider, String subject, String sid, Instant at) {
        if (subject == null && sid == null) {
            throw new IllegalArgumentException("a subject, a sid or both");
        }
        List<String> values = new ArrayList<>(List.of(provider));
        StringBuilder match = new StringBuilder("provider = ?");
        if (subject != null) {
            match.append(" AND subject = ?");
            values.add(subject);
        }
        if (sid != null) {
            match.append(" AND sid = ?");
            values.add(sid);
        }
        return db.transaction(c -> {
            // the update first: a concurrent ending of the same rows is then committed and counted below as "before"
            int ended = update(c, "UPDATE sso_session SET ended_at = ? WHERE " + match
                    + " AND ended_at IS NULL AND expires_at > ?", at, values, at);
            int matching = count(c, "SELECT COUNT(*) FROM sso_session WHERE " + match, values);
            return new SessionsEnded(ended, matching - ended);
        });
    }

    private static int update(Connection c, String sql, Instant endedAt, List<String> values, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Timestamps.set(s, 1, endedAt);
            for (int i = 0; i < values.size(); i++) {
                s.setString(i + 2, values.get(i));
            }
            Timestamps.set(s, values.size() + 2, now);
            return s.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, List<String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                s.setString(i + 1, values.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private SsoSession session(ResultSet rs) throws SQLException {
        String rowKey = Long.toString(rs.getLong("id"));
        return new SsoSession(rs.getString("handle"), rs.getString("user_id"), rs.getString("provider"), rs.getString("app_id"),
                rs.getString("subject"), rs.getString("sid"),
                cipher.open(SealedColumn.SESSION_ID_TOKEN, rowKey, rs.getString("id_token_sealed")),
                Timestamps.get(rs, "signed_in_at"), Timestamps.get(rs, "expires_at"), Timestamps.get(rs, "ended_at"));
    }
}
