package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.spi.User;
import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The principal of a user Gatehouse signed in: the local user's id and profile at sign-in time. Serializable,
 * because the security context lives in the HTTP session. {@link #getName()} is the username, so
 * {@code authentication.getName()} and {@code principal.name} in templates read naturally.
 *
 * <pre>{@code
 * @GetMapping("/me")
 * String me(@AuthenticationPrincipal GatehouseUser user) { return user.username(); }
 * }</pre>
 *
 * @param id        the local user id ({@link User#id()})
 * @param username  the login name
 * @param email     the primary email, may be empty
 * @param firstName the given name, may be empty
 * @param lastName  the family name, may be empty
 * @serial exclude the principal is serialized only within the HTTP session of one application
 */
public record GatehouseUser(String id, String username, String email, String firstName, String lastName)
        implements AuthenticatedPrincipal, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Requires {@code id} and {@code username}.
     *
     * @param id the local user id ({@link User#id()})
     * @param username the login name
     * @param email the primary email, may be empty
     * @param firstName the given name, may be empty
     * @param lastName the family name, may be empty
     */
    public GatehouseUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }

    /**
     * The principal of a local user, as signed in now.
     *
     * @param user the local user
     * @return the principal
     */
    public static GatehouseUser of(User user) {
        return new GatehouseUser(user.id(), user.username(), user.email(), user.firstName(), user.lastName());
    }

    @Override
    public String getName() {
        return username;
    }
}
