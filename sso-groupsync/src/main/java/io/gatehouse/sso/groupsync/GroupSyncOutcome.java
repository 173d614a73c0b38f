package io.gatehouse.sso.groupsync;

import io.gatehouse.sso.spi.GroupChange;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one group sync did.
 *
 * <pre>{@code
 * GroupSyncOutcome outcome = groupSync.sync(event);
 * if (outcome.changed()) {
 *     audit.record(outcome.added(), outcome.removed());
 * }
 * }</pre>
 *
 * @param status  how it ended; only {@link GroupSyncStatus#APPLIED} can have changed anything
 * @param granted the local groups the IdP's groups map to (empty unless applied)
 * @param added   groups the user was added to
 * @param created groups that did not exist and were created (without permissions)
 * @param removed groups the user was removed from
 */
public record GroupSyncOutcome(GroupSyncStatus status, Set<String> granted, Set<String> added, Set<String> created,
                               Set<String> removed) {

    /**
     * Requires the status; copies the sets (sorted, immutable, {@code null} is empty).
     *
     * @param status how it ended; only {@link GroupSyncStatus#APPLIED} can have changed anything
     * @param granted the local groups the IdP's groups map to (empty unless applied)
     * @param added groups the user was added to
     * @param created groups that did not exist and were created (without permissions)
     * @param removed groups the user was removed from
     */
    public GroupSyncOutcome {
        Objects.requireNonNull(status, "status");
        granted = sorted(granted);
        added = sorted(added);
        created = sorted(created);
        removed = sorted(removed);
    }

    /**
     * Nothing was read or changed: group sync is off.
     *
     * @return an outcome with status {@link GroupSyncStatus#DISABLED}
     */
    public static GroupSyncOutcome disabled() {
        return new GroupSyncOutcome(GroupSyncStatus.DISABLED, Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * Nothing was changed because of a problem (already written to the error log).
     *
     * @param status the problem
     * @return an outcome that changed nothing
     */
    public static GroupSyncOutcome problem(GroupSyncStatus status) {
        if (!status.isProblem()) {
            throw new IllegalArgumentException(status + " is not a problem");
        }
        return new GroupSyncOutcome(status, Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * The IdP's groups were applied with this change ({@link GroupChange#NONE} when they already matched).
     *
     * @param granted the local groups the IdP's groups map to
     * @param change what applying them changed
     * @return an outcome with status {@link GroupSyncStatus#APPLIED}
     */
    public static GroupSyncOutcome applied(Set<String> granted, GroupChange change) {
        return new GroupSyncOutcome(GroupSyncStatus.APPLIED, granted, change.added(), change.created(), change.removed());
    }

    /**
     * True when the user's groups (or the set of groups) changed.
     *
     * @return whether anything was added, created or removed
     */
    public boolean changed() {
        return !added.isEmpty() || !created.isEmpty() || !removed.isEmpty();
    }

    private static Set<String> sorted(Set<String> names) {
        // sorted for stable log lines and comparisons; unmodifiable
        return names == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(names));
    }
}
