package io.gatehouse.sso.spring.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.io.Serial;
import java.util.Collection;
import java.util.Objects;

/**
 * The Spring Security {@code Authentication} of a user signed in through Gatehouse's single sign-on: the
 * {@link GatehouseUser} as principal, no credentials (the IdP checked them), and the authorities
 * {@link GatehouseAuthorities} gave at sign-in (by default the user's local groups, prefixed).
 *
 * <pre>{@code
 * if (authentication instanceof GatehouseAuthentication sso) {
 *     String userId = sso.getPrincipal().id();
 * }
 * }</pre>
 */
public final class GatehouseAuthentication extends AbstractAuthenticationToken {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The principal. */
    private final GatehouseUser user;

    /**
     * An authenticated token for this user.
     *
     * @param user the principal
     * @param authorities what the user may do
     */
    public GatehouseAuthentication(GatehouseUser user, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = Objects.requireNonNull(user, "user");
        super.setAuthenticated(true);
    }

    @Override
    public GatehouseUser getPrincipal() {
        return user;
    }

    /** Always null: the identity provider checked the credentials. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GatehouseAuthentication that && super.equals(that) && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + user.hashCode();
    }
}
