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

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        email = email == null ? "" : email;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    public User withActive(boolean newActive) {
        return new User(id, username, email, firstName, lastName, newActive);
    }
}
