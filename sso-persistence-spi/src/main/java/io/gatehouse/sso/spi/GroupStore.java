package io.gatehouse.sso.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Local groups and memberships.
 *
 * <pre>{@code
 * GroupChange change = groups.apply(userId, Set.of("admin"), Set.of("guests"));
 * }</pre>
 */
public interface GroupStore {

    /** All groups, ordered by name. */
    List<Group> listGroups();

    Optional<Group> findByName(String name);

    /** Creates a group, or returns the existing one of that name. */
    Group create(String name);

    /** Names of the user's groups (empty for an unknown user). */
    Set<String> groupNamesOf(String userId);

    /**
     * Atomically adds the user to {@code add} (creating groups that do not exist) and removes the user
     * from {@code remove}. A name in both sets is added. Returns only what actually changed.
     */
    GroupChange apply(String userId, Set<String> add, Set<String> remove);
}
