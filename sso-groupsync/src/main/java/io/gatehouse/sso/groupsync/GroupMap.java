package io.gatehouse.sso.groupsync;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code SSO_GROUP_MAP} setting: IdP group name to local group name. Names match exactly
 * (case-sensitive, no trimming of IdP names): IdPs treat group names as case-sensitive, and a loose
 * match could grant a group the IdP never named. IdP groups the map does not name are ignored; several
 * IdP groups may map to one local group.
 *
 * <pre>{@code
 * GroupMap map = new GroupMap(Map.of("/inventree/admins", "admin", "/inventree/staff", "staff"));
 * map.localGroupsFor(List.of("/inventree/admins", "/other")); // [admin]
 * }</pre>
 *
 * @param entries IdP group to local group
 */
public record GroupMap(Map<String, String> entries) {

    /**
     * Copies the entries (immutable).
     *
     * @param entries IdP group to local group
     * @throws NullPointerException when {@code entries}, a key or a value is null
     */
    public GroupMap {
        entries = Map.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /**
     * The local groups that the given IdP groups grant; one hash look-up per IdP group.
     *
     * @param idpGroups the group names from the IdP's claim
     * @return the mapped local group names; empty when none is mapped
     */
    public Set<String> localGroupsFor(Collection<String> idpGroups) {
        Set<String> local = new LinkedHashSet<>();
        for (String idpGroup : idpGroups) {
            String mapped = entries.get(idpGroup);
            if (mapped != null) {
                local.add(mapped);
            }
        }
        return local;
    }
}
