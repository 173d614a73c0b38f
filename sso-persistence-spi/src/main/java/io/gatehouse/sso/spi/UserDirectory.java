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

    /**
     * The user with this id.
     *
     * @param id the local user id
     * @return the user, or empty when there is none
     */
    Optional<User> findById(String id);

    /**
     * The user with exactly this username.
     *
     * @param username the username, compared exactly
     * @return the user, or empty when there is none
     */
    Optional<User> findByUsername(String username);

    /**
     * Users whose email equals {@code email}, ignoring case; ordered by id.
     *
     * @param email the address to look for
     * @return the matching users; empty when none
     */
    List<User> findByEmail(String email);

    /**
     * Atomically creates the user, links the identity (with its token) and adds the user to the
     * registration's groups (creating missing groups). Either all of it is stored or none of it.
     * When the identity is already linked (a concurrent first login won), creates nothing and returns
     * the linked user with {@code created == false}.
     *
     * @param registration the new user, the identity to link and the groups to add
     * @throws UsernameTakenException when the username is used by another user (nothing is stored)
     * @return the user and whether this call created it
     */
    RegistrationResult register(Registration registration);

    /**
     * Replaces the profile fields and active flag of an existing user; returns what is stored.
     *
     * @param user the user with its new fields; its id must exist
     * @return the stored user
     */
    User update(User user);
}
