package io.gatehouse.sso.spi;

import java.util.Objects;

/**
 * A user about to be created: like {@link User} but without an id.
 *
 * <pre>{@code
 * UserDraft draft = new UserDraft("ada", "ada@example.com", "Ada", "Lovelace", true);
 * }</pre>
 *
 * @param username  unique login name; the store refuses one in use ({@link UsernameTakenException})
 * @param email     primary email, may be empty
 * @param firstName given name, may be empty
 * @param lastName  family name, may be empty
 * @param active    false while the account awaits email verification
 */
public record UserDraft(String username, String email, String firstName, String lastName, boolean active) {

    /**
     * Requires {@code username}; {@code null} email and names become empty.
     *
     * @param username  unique login name
     * @param email     primary email, or {@code null}
     * @param firstName given name, or {@code null}
     * @param lastName  family name, or {@code null}
     * @param active    false while the account awaits email verification
     */
    public UserDraft {
        Objects.requireNonNull(username, "username");
        email = email == null ? "" : email;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    /**
     * The user this draft becomes once a store assigned its id.
     *
     * @param id the store-assigned id
     * @return the user, with this draft's fields
     */
    public User withId(String id) {
        return new User(id, username, email, firstName, lastName, active);
    }

    /**
     * A copy with another username, for a retry after {@link UsernameTakenException}.
     *
     * @param newUsername the username to try
     * @return this draft with {@code newUsername}
     */
    public UserDraft withUsername(String newUsername) {
        return new UserDraft(newUsername, email, firstName, lastName, active);
    }
}
