package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.Objects;

/**
 * The default {@link GatehouseAuthorities}: one authority per local group of the user, {@code prefix + name}.
 * With the prefix {@code ROLE_}, a user in the group {@code admin} passes {@code hasRole("admin")}. Read at
 * sign-in, after group sync has run, so the authorities match the groups the IdP just sent.
 *
 * <pre>{@code
 * new GroupAuthorities(groupStore, "ROLE_").authoritiesOf(user); // [ROLE_admin, ROLE_staff]
 * }</pre>
 */
public final class GroupAuthorities implements GatehouseAuthorities {
    private final GroupStore groups;
    private final String prefix;

    /**
     * Authorities named {@code prefix + group}.
     *
     * @param groups the group store
     * @param prefix e.g. {@code ROLE_}; null is none
     */
    public GroupAuthorities(GroupStore groups, String prefix) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public Collection<? extends GrantedAuthority> authoritiesOf(User user) {
        return groups.groupNamesOf(user.id()).stream().sorted().map(name -> new SimpleGrantedAuthority(prefix + name)).toList();
    }
}
