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

    /**
     * All groups, ordered by name.
     *
     * @return every group, sorted by name; empty when there is none
     */
    List<Group> listGroups();

    /**
     * The group with exactly this name.
     *
     * @param name the group name, compared exactly (case matters)
     * @return the group, or empty when there is no such group
     */
    Optional<Group> findByName(String name);

    /**
     * Creates a group, or returns the existing one of that name.
     *
     * @param name the group name
     * @return the new or existing group
     */
    Group create(String name);

    /**
     * Names of the user's groups (empty for an unknown user).
     *
     * @param userId the local user id
     * @return the user's group names; never null
     */
    Set<String> groupNamesOf(String userId);

    /**
     * Atomically adds the user to {@code add} (creating groups that do not exist) and removes the user
     * from {@code remove}. A name in both sets is added. Returns only what actually changed.
     *
     * @param userId the local user id
     * @param add group names to add the user to
     * @param remove group names to remove the user from; names the user is not in are ignored
     * @return the groups the user was actually added to, created, and removed from
     */
    GroupChange apply(String userId, Set<String> add, Set<String> remove);
}
