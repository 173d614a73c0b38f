package io.gatehouse.sso.spi;

import java.util.Objects;

/**
 * A user about to be created: like {@link User} but without an id.
 *
 * <pre>{@code
 * UserDraft draft = new UserDraft("ada", "ada@example.com", "Ada", "Lovelace", true);
 * }</pre>
 */
public record UserDraft(String username, String email, String firstName, String lastName, boolean active) {

    public UserDraft {
        Objects.requireNonNull(username, "username");
        email = email == null ? "" : email;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    public User withId(String id) {
        return new User(id, username, email, firstName, lastName, active);
    }

    public UserDraft withUsername(String newUsername) {
        return new UserDraft(newUsername, email, firstName, lastName, active);
    }
}
