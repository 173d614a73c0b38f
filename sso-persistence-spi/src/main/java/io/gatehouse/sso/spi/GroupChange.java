package io.gatehouse.sso.spi;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one {@link GroupStore#apply} call changed; empty sets when nothing changed.
 *
 * @param added   groups the user was added to
 * @param created groups that did not exist and were created (a subset of the names asked to add)
 * @param removed groups the user was removed from
 */
public record GroupChange(Set<String> added, Set<String> created, Set<String> removed) {

    /** No change at all: what applying empty sets returns. */
    public static final GroupChange NONE = new GroupChange(Set.of(), Set.of(), Set.of());

    /**
     * Copies the sets (sorted by name, immutable); a {@code null} set is read as empty.
     *
     * @param added groups the user was added to
     * @param created groups that did not exist and were created (a subset of the names asked to add)
     * @param removed groups the user was removed from
     */
    public GroupChange {
        added = added == null ? Set.of() : Set.copyOf(new TreeSet<>(added));
        created = created == null ? Set.of() : Set.copyOf(new TreeSet<>(created));
        removed = removed == null ? Set.of() : Set.copyOf(new TreeSet<>(removed));
    }

    /**
     * Whether nothing was added, created or removed, so there is nothing to log or report.
     *
     * @return true when all three sets are empty
     */
    public boolean isEmpty() {
        return added.isEmpty() && created.isEmpty() && removed.isEmpty();
    }
}
