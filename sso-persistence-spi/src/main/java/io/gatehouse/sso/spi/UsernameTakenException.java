package io.gatehouse.sso.spi;

/** A new user's username is already used by another user; the caller may retry with another one. */
public class UsernameTakenException extends PersistenceException {
    private final String username;

    public UsernameTakenException(String username) {
        super("username '" + username + "' is already taken");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
