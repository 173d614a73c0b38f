package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.Group;
import io.gatehouse.sso.spi.GroupChange;
import io.gatehouse.sso.spi.GroupStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link GroupStore} on {@code sso_group} and {@code sso_user_group}. {@link #apply} locks the user's row,
 * so concurrent changes to one user's groups run one after the other and each reports what it changed.
 */
final class JdbcGroups implements GroupStore {

    private final Database db;

    JdbcGroups(Database db) {
        this.db = db;
    }

    @Override
    public List<Group> listGroups() {
        List<Group> groups = db.transaction(c -> {
            List<Group> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM sso_group");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.add(new Group(Long.toString(rs.getLong(1)), rs.getString(2)));
                }
            }
            return all;
        });
        // sorted here: database collations differ, the SPI's order must not
        return groups.stream().sorted(Comparator.comparing(Group::name)).toList();
    }

    @Override
    public Optional<Group> findByName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return db.transaction(c -> find(c, name));
    }

    @Override
    public Group create(String name) {
        requireName(name);
        return db.transaction(c -> findOrCreate(c, name, new ArrayList<>()));
    }

    @Override
    public Set<String> groupNamesOf(String userId) {
        OptionalLong id = RowId.parse(userId);
        if (id.isEmpty()) {
            return Set.of();
        }
        return db.transaction(c -> Set.copyOf(memberships(c, id.getAsLong()).keySet()));
    }

    @Override
    public GroupChange apply(String userId, Set<String> add, Set<String> remove) {
        add.forEach(JdbcGroups::requireName);
        long id = RowId.parse(userId).orElseThrow(() -> new NoSuchElementException("no user with id " + userId));
        return db.transaction(c -> {
            JdbcUsers.lock(c, id);
            return apply(c, id, add, remove);
        });
    }

    /**
     * Applies a change inside the caller's transaction (registration uses it too). Names are added in
     * sorted order, so two transactions creating the same groups take their locks in the same order.
     */
    GroupChange apply(Connection c, long userId, Set<String> add, Set<String> remove) throws SQLException {
        add.forEach(JdbcGroups::requireName);
        Map<String, Long> current = memberships(c, userId);
        List<String> created = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String name : new TreeSet<>(add)) {
            Group group = findOrCreate(c, name, created);
            if (!current.containsKey(name)) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO sso_user_group (user_id, group_id) VALUES (?, ?)")) {
                    s.setLong(1, userId);
                    s.setLong(2, Long.parseLong(group.id()));
                    s.executeUpdate();
                }
                added.add(name);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String name : new TreeSet<>(remove)) {
            Long groupId = current.get(name);
            if (groupId != null && !add.contains(name)) {
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM sso_user_group WHERE user_id = ? AND group_id = ?")) {
                    s.setLong(1, userId);
                    s.setLong(2, groupId);
                    s.executeUpdate();
                }
                removed.add(name);
            }
        }
        return new GroupChange(Set.copyOf(added), Set.copyOf(created), Set.copyOf(removed));
    }

    private static Map<String, Long> memberships(Connection c, long userId) throws SQLException {
        Map<String, Long> names = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT g.name, g.id FROM sso_group g"
                + " JOIN sso_user_group m ON m.group_id = g.id WHERE m.user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return names;
    }

    private static Optional<Group> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM sso_group WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Group(Long.toString(rs.getLong(1)), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * The group of that name, inserted when missing (its name then goes to {@code created}). When another
     * transaction inserts the same name first, the savepoint undoes only the failed insert (PostgreSQL would
     * otherwise abort the whole transaction) and the other's group is used.
     */
    private static Group findOrCreate(Connection c, String name, List<String> created) throws SQLException {
        Optional<Group> existing = find(c, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        Savepoint before = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sso_group (name) VALUES (?)", new String[] {"id"})) {
            s.setString(1, name);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                Group group = new Group(Long.toString(keys.getLong(1)), name);
                c.releaseSavepoint(before);
                created.add(name);
                return group;
            }
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(before);
            return find(c, name).orElseThrow(() -> e);
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group name must not be blank");
        }
    }
}
