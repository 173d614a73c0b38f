package io.gatehouse.sso.spi;

import java.util.List;
import java.util.Optional;

/**
 * The host's users, as single sign-on sees them.
 *
 * <pre>{@code
 * RegistrationResult r = users.register(new Registration(draft,
 *         new IdentitySignIn("keycloak", sub, claims, token, now), Set.of("staff")));
 * if (!r.created()) { // a concurrent first login won; r.user() is that user
 * }
 * }</pre>
 */
public interface UserDirectory {

    Optional<User> findById(String id);

    Optional<User> findByUsername(String username);

    /** Users whose email equals {@code email}, ignoring case; ordered by id. */
    List<User> findByEmail(String email);

    /**
     * Atomically creates the user, links the identity (with its token) and adds the user to the
     * registration's groups (creating missing groups). Either all of it is stored or none of it.
     * When the identity is already linked (a concurrent first login won), creates nothing and returns
     * the linked user with {@code created == false}.
     *
     * @throws UsernameTakenException when the username is used by another user (nothing is stored)
     */
    RegistrationResult register(Registration registration);

    /** Replaces the profile fields and active flag of an existing user; returns what is stored. */
    User update(User user);
}
