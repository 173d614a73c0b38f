package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link SocialAccountRepository} on {@code sso_social_account} and {@code sso_social_token}. Tokens are
 * encrypted with the account row's id as associated data. Every writer of an account's token first locks
 * the account row, so token updates of one identity never interleave.
 */
final class JdbcSocialAccounts implements SocialAccountRepository {

    /** One account row: the SPI record plus the row id that tokens hang off. */
    record Row(long id, SocialAccount account) {
    }

    private static final String COLUMNS = "id, user_id, provider, uid, extra_data_json, last_login, date_joined";
    /** A concurrent link of the same identity may insert first; one more pass then sees it. */
    private static final int LINK_ATTEMPTS = 3;

    private final Database db;
    private final ColumnCipher cipher;

    JdbcSocialAccounts(Database db, ColumnCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public Optional<SocialAccount> find(String provider, String uid) {
        return db.transaction(c -> find(c, provider, uid, false)).map(Row::account);
    }

    @Override
    public List<SocialAccount> findByUser(String userId) {
        OptionalLong id = RowId.parse(userId);
        if (id.isEmpty()) {
            return List.of();
        }
        List<SocialAccount> accounts = db.transaction(c -> {
            List<SocialAccount> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_social_account WHERE user_id = ?")) {
                s.setLong(1, id.getAsLong());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(rs).account());
                    }
                }
            }
            return found;
        });
        // sorted here: database collations differ, the SPI's order must not
        return accounts.stream()
                .sorted(Comparator.comparing(SocialAccount::provider).thenComparing(SocialAccount::uid)).toList();
    }

    @Override
    public SocialAccount link(String userId, IdentitySignIn signIn) {
        long user = RowId.parse(userId).orElseThrow(() -> new NoSuchElementException("no user with id " + userId));
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transaction(c -> {
                    JdbcUsers.lock(c, user);
                    Optional<Row> existing = find(c, signIn.provider(), signIn.uid(), true);
                    if (existing.isPresent() && existing.get().account().userId().equals(userId)) {
                        return update(c, existing.get(), signIn);
                    }
                    if (existing.isPresent()) {
                        throw new IdentityLinkedElsewhereException(signIn.provider(), signIn.uid());
                    }
                    Row row = insert(c, user, signIn);
                    storeToken(c, row.id(), signIn.token());
                    return row.account();
                });
            } catch (DuplicateKeyException e) {
                if (attempt == LINK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<SocialAccount> recordLogin(IdentitySignIn signIn) {
        return db.transaction(c -> {
            Optional<Row> existing = find(c, signIn.provider(), signIn.uid(), true);
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(update(c, existing.get(), signIn));
        });
    }

    @Override
    public Optional<SocialToken> findToken(String provider, String uid) {
        return db.transaction(c -> {
            Optional<Row> row = find(c, provider, uid, false);
            return row.isEmpty() ? Optional.empty() : readToken(c, row.get().id());
        });
    }

    /** Compares and replaces under the account row's lock, which every writer of the account's token takes. */
    @Override
    public boolean replaceToken(String provider, String uid, SocialToken expected, SocialToken replacement) {
        return db.transaction(c -> {
            Optional<Row> row = find(c, provider, uid, true);
            if (row.isEmpty() || !Objects.equals(readToken(c, row.get().id()).orElse(null), expected)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_social_token WHERE account_id = ?")) {
                s.setLong(1, row.get().id());
                s.executeUpdate();
            }
            if (replacement != null) {
                insertToken(c, row.get().id(), replacement);
            }
            return true;
        });
    }

    private Optional<SocialToken> readToken(Connection c, long accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT access_token_sealed, refresh_token_sealed, expires_at,"
                + " scopes FROM sso_social_token WHERE account_id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String rowKey = Long.toString(accountId);
                return Optional.of(new SocialToken(
                        cipher.open(SealedColumn.ACCESS_TOKEN, rowKey, rs.getString("access_token_sealed")),
                        cipher.open(SealedColumn.REFRESH_TOKEN, rowKey, rs.getString("refresh_token_sealed")),
                        Timestamps.get(rs, "expires_at"), Scopes.parse(rs.getString("scopes"))));
            }
        }
    }

    @Override
    public List<SocialAccount> search(String text, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String like = " LIKE ? ESCAPE '\\'";
        return db.transaction(c -> {
            List<SocialAccount> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.user_id, a.provider, a.uid, a.extra_data_json,"
                    + " a.last_login, a.date_joined FROM sso_social_account a JOIN sso_user u ON u.id = a.user_id"
                    + (wanted.isEmpty() ? "" : " WHERE LOWER(a.provider)" + like + " OR LOWER(a.uid)" + like
                    + " OR LOWER(u.username)" + like + " OR u.email_key" + like)
                    + " ORDER BY a.provider, a.uid LIMIT ? OFFSET ?")) {
                int i = 1;
                for (int n = 0; !wanted.isEmpty() && n < 4; n++) {
                    s.setString(i++, pattern);
                }
                s.setInt(i++, limit);
                s.setInt(i, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(rs).account());
                    }
                }
            }
            return found;
        });
    }

    @Override
    public boolean deleteToken(String provider, String uid) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sso_social_token WHERE account_id ="
                    + " (SELECT id FROM sso_social_account WHERE provider = ? AND uid = ?)")) {
                s.setString(1, provider);
                s.setString(2, uid);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean unlink(String userId, String provider, String uid) {
        OptionalLong user = RowId.parse(userId);
        if (user.isEmpty()) {
            return false;
        }
        // the token goes with the account: ON DELETE CASCADE
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM sso_social_account WHERE provider = ? AND uid = ? AND user_id = ?")) {
                s.setString(1, provider);
                s.setString(2, uid);
                s.setLong(3, user.getAsLong());
                return s.executeUpdate() == 1;
            }
        });
    }

    Optional<Row> find(Connection c, String provider, String uid, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_social_account"
                + " WHERE provider = ? AND uid = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, provider);
            s.setString(2, uid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Inserts the link of a new identity (its token is the caller's next step). */
    Row insert(Connection c, long userId, IdentitySignIn signIn) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_social_account"
                + " (user_id, provider, uid, extra_data_json, last_login, date_joined) VALUES (?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setLong(1, userId);
            s.setString(2, signIn.provider());
            s.setString(3, signIn.uid());
            s.setString(4, JsonText.write(signIn.extraData()));
            Timestamps.set(s, 5, signIn.at());
            Timestamps.set(s, 6, signIn.at());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new Row(id, new SocialAccount(Long.toString(userId), signIn.provider(), signIn.uid(),
                        JsonText.stored(signIn.extraData()), Timestamps.stored(signIn.at()), Timestamps.stored(signIn.at())));
            }
        }
    }

    /**
     * Stores the token of a locked (or just inserted) account, merged over the stored one: a token without a
     * refresh token leaves the stored refresh token in place, still sealed, so it is never decrypted here.
     */
    void storeToken(Connection c, long accountId, SocialToken token) throws SQLException {
        if (token == null) {
            return;
        }
        String rowKey = Long.toString(accountId);
        String access = cipher.seal(SealedColumn.ACCESS_TOKEN, rowKey, token.accessToken());
        boolean keepRefresh = token.refreshToken() == null;
        int updated;
        try (PreparedStatement s = c.prepareStatement(keepRefresh
                ? "UPDATE sso_social_token SET access_token_sealed = ?, expires_at = ?, scopes = ? WHERE account_id = ?"
                : "UPDATE sso_social_token SET access_token_sealed = ?, expires_at = ?, scopes = ?, refresh_token_sealed = ?"
                        + " WHERE account_id = ?")) {
            s.setString(1, access);
            Timestamps.set(s, 2, token.expiresAt());
            s.setString(3, Scopes.format(token.scopes()));
            if (keepRefresh) {
                s.setLong(4, accountId);
            } else {
                s.setString(4, cipher.seal(SealedColumn.REFRESH_TOKEN, rowKey, token.refreshToken()));
                s.setLong(5, accountId);
            }
            updated = s.executeUpdate();
        }
        if (updated == 0) {
            insertToken(c, accountId, token);
        }
    }

    /** Inserts the token of an account that has none, exactly as given. */
    private void insertToken(Connection c, long accountId, SocialToken token) throws SQLException {
        String rowKey = Long.toString(accountId);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_social_token"
                + " (account_id, access_token_sealed, refresh_token_sealed, expires_at, scopes) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, accountId);
            s.setString(2, cipher.seal(SealedColumn.ACCESS_TOKEN, rowKey, token.accessToken()));
            s.setString(3, cipher.seal(SealedColumn.REFRESH_TOKEN, rowKey, token.refreshToken()));
            Timestamps.set(s, 4, token.expiresAt());
            s.setString(5, Scopes.format(token.scopes()));
            s.executeUpdate();
        }
    }

    private SocialAccount update(Connection c, Row row, IdentitySignIn signIn) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE sso_social_account SET extra_data_json = ?, last_login = ? WHERE id = ?")) {
            s.setString(1, JsonText.write(signIn.extraData()));
            Timestamps.set(s, 2, signIn.at());
            s.setLong(3, row.id());
            s.executeUpdate();
        }
        storeToken(c, row.id(), signIn.token());
        SocialAccount old = row.account();
        return new SocialAccount(old.userId(), old.provider(), old.uid(), JsonText.stored(signIn.extraData()),
                Timestamps.stored(signIn.at()), old.dateJoined());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), new SocialAccount(Long.toString(rs.getLong("user_id")),
                rs.getString("provider"), rs.getString("uid"), JsonText.readObject(rs.getString("extra_data_json")),
                Timestamps.get(rs, "last_login"), Timestamps.get(rs, "date_joined")));
    }
}
