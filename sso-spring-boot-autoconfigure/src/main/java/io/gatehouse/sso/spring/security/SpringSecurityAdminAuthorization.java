package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.admin.AdminAuthorization;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.Objects;

/**
 * Who may use sso-admin's pages, decided by Spring Security: a signed-in user holding one authority
 * ({@code gatehouse.admin.authority}, default {@code ROLE_admin}: the local group {@code admin} that group sync
 * maintains, with the default authority prefix). Anonymous users and everyone else get the admin pages' 403.
 *
 * <pre>{@code
 * AdminServlet.builder(config).authorization(new SpringSecurityAdminAuthorization("ROLE_admin", holderStrategy)).build();
 * }</pre>
 */
public final class SpringSecurityAdminAuthorization implements AdminAuthorization {
    private final String authority;
    private final SecurityContextHolderStrategy holder;

    /**
     * A check for one authority.
     *
     * @param authority the authority an admin must have, e.g. {@code ROLE_admin}
     * @param holder    where the request's authentication is read
     */
    public SpringSecurityAdminAuthorization(String authority, SecurityContextHolderStrategy holder) {
        if (authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("the admin authority must not be empty");
        }
        this.authority = authority;
        this.holder = Objects.requireNonNull(holder, "holder");
    }

    @Override
    public boolean allows(HttpServletRequest request) {
        Authentication who = holder.getContext().getAuthentication();
        return who != null && who.isAuthenticated()
                && who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}
