package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.spi.UsernameTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link UserDirectory} on {@code sso_user}. {@link #register} creates the user, the link, the token and
 * the memberships in one transaction; concurrent first logins of one identity are settled by the unique
 * constraints: the losers' transactions roll back and they return the winner.
 */
final class JdbcUsers implements UserDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcUsers.class);
    private static final String COLUMNS = "id, username, email, first_name, last_name, active";
    /**
     * How often a registration that hit a unique constraint looks again. A conflicting row that is not yet
     * visible belongs to a transaction still in flight; one of the next looks sees its outcome.
     */
    private static final int REGISTER_ATTEMPTS = 20;

    private final Database db;
    private final JdbcSocialAccounts accounts;
    private final JdbcGroups groups;

    JdbcUsers(Database db, JdbcSocialAccounts accounts, JdbcGroups groups) {
        this.db = db;
        this.accounts = accounts;
        this.groups = groups;
    }

    @Override
    public Optional<User> findById(String id) {
        OptionalLong rowId = RowId.parse(id);
        if (rowId.isEmpty()) {
            return Optional.empty();
        }
        return db.transaction(c -> find(c, rowId.getAsLong()));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_user WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<User> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return db.transaction(c -> {
            List<User> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM sso_user WHERE email_key = ? ORDER BY id")) {
                s.setString(1, emailKey(email));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(user(rs));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public RegistrationResult register(Registration r) {
        for (int attempt = 1; ; attempt++) {
            Optional<RegistrationResult> linked = linkedResult(r);
            if (linked.isPresent()) {
                return linked.get();
            }
            try {
                return db.transaction(c -> insert(c, r));
            } catch (DuplicateKeyException e) {
                // Our transaction is rolled back. Look at the committed state: the user is read before the
                // link, and a winner commits both at once, so "user visible, link not" means the username
                // belongs to someone else.
                boolean usernameVisible = findByUsername(r.user().username()).isPresent();
                linked = linkedResult(r);
                if (linked.isPresent()) {
                    LOG.debug("Concurrent first login through {}: this call lost the race and returns the winner",
                            r.signIn().provider());
                    return linked.get();
                }
                if (usernameVisible) {
                    throw new UsernameTakenException(r.user().username());
                }
                if (attempt == REGISTER_ATTEMPTS) {
                    throw new PersistenceException("registration through " + r.signIn().provider()
                            + " kept conflicting with concurrent changes", e);
                }
                Database.pause(attempt);
            }
        }
    }

    @Override
    public User update(User user) {
        long id = RowId.parse(user.id()).orElseThrow(() -> new NoSuchElementException("no user with id " + user.id()));
        try {
            return db.transaction(c -> {
                lock(c, id);
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM sso_user WHERE username = ? AND id <> ?")) {
                    s.setString(1, user.username());
                    s.setLong(2, id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            throw new UsernameTakenException(user.username());
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE sso_user SET username = ?, email = ?,"
                        + " email_key = ?, first_name = ?, last_name = ?, active = ? WHERE id = ?")) {
                    s.setString(1, user.username());
                    s.setString(2, user.email());
                    s.setString(3, emailKey(user.email()));
                    s.setString(4, user.firstName());
                    s.setString(5, user.lastName());
                    s.setBoolean(6, user.active());
                    s.setLong(7, id);
                    s.executeUpdate();
                }
                return user;
            });
        } catch (DuplicateKeyException e) {
            // another transaction took the name between our check and our update
            throw new UsernameTakenException(user.username());
        }
    }

    /** Locks the user's row for the rest of the transaction; the user must exist. */
    static void lock(Connection c, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM sso_user WHERE id = ? FOR UPDATE")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no user with id " + userId);
                }
            }
        }
    }

    private RegistrationResult insert(Connection c, Registration r) throws SQLException {
        long userId;
        UserDraft draft = r.user();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_user"
                + " (username, email, email_key, first_name, last_name, active) VALUES (?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, draft.username());
            s.setString(2, draft.email());
            s.setString(3, emailKey(draft.email()));
            s.setString(4, draft.firstName());
            s.setString(5, draft.lastName());
            s.setBoolean(6, draft.active());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                userId = keys.getLong(1);
            }
        }
        JdbcSocialAccounts.Row account = accounts.insert(c, userId, r.signIn());
        accounts.storeToken(c, account.id(), r.signIn().token());
        groups.apply(c, userId, r.groups(), Set.of());
        return new RegistrationResult(draft.withId(Long.toString(userId)), account.account(), true);
    }

    private Optional<RegistrationResult> linkedResult(Registration r) {
        return db.transaction(c -> {
            Optional<JdbcSocialAccounts.Row> row = accounts.find(c, r.signIn().provider(), r.signIn().uid(), false);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            User user = find(c, Long.parseLong(row.get().account().userId())).orElseThrow(
                    () -> new PersistenceException("a social account points at a missing user"));
            return Optional.of(new RegistrationResult(user, row.get().account(), false));
        });
    }

    private static Optional<User> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sso_user WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(Long.toString(rs.getLong("id")), rs.getString("username"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getBoolean("active"));
    }

    /** Lower-cased in Java, not SQL, so both databases compare the same way and can use a plain index. */
    private static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
