package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.spi.User;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;

/**
 * The Spring Security authorities of a user Gatehouse signs in, decided once at sign-in. The default,
 * {@link GroupAuthorities}, turns the user's local groups (those group sync maintains) into
 * {@code ROLE_<group>}; an application's own bean of this type replaces it.
 *
 * <pre>{@code
 * @Bean
 * GatehouseAuthorities authorities(GroupStore groups) {
 *     return user -> groups.groupNamesOf(user.id()).stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface GatehouseAuthorities {

    /**
     * The authorities of a user Gatehouse is signing in, read once at sign-in.
     *
     * @param user the local user
     * @return the authorities; empty for none
     */
    Collection<? extends GrantedAuthority> authoritiesOf(User user);
}
