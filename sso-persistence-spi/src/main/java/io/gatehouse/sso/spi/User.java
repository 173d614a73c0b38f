package io.gatehouse.sso.spi;

import java.util.Objects;

/**
 * The minimal view of a local user that single sign-on needs.
 *
 * @param id        store-assigned id
 * @param username  unique login name
 * @param email     primary email, may be empty
 * @param firstName given name, may be empty
 * @param lastName  family name, may be empty
 * @param active    false while the account awaits email verification or was disabled by an admin
 */
public record User(String id, String username, String email, String firstName, String lastName, boolean active) {

    /**
     * Requires {@code id} and {@code username}; {@code null} email and names become empty.
     *
     * @param id store-assigned id
     * @param username unique login name
     * @param email primary email, may be empty
     * @param firstName given name, may be empty
     * @param lastName family name, may be empty
     * @param active false while the account awaits email verification or was disabled by an admin
     */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        email = email == null ? "" : email;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    /**
     * A copy that is (or is not) allowed to sign in.
     *
     * @param newActive false to deactivate the user
     * @return this user with the new flag
     */
    public User withActive(boolean newActive) {
        return new User(id, username, email, firstName, lastName, newActive);
    }
}
