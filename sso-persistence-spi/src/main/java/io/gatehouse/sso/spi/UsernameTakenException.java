package io.gatehouse.sso.spi;

/** A new user's username is already used by another user; the caller may retry with another one. */
public class UsernameTakenException extends PersistenceException {
    /** The username that was taken. */
    private final String username;

    /**
     * An exception naming the taken username.
     *
     * @param username the username another user has
     */
    public UsernameTakenException(String username) {
        super("username '" + username + "' is already taken");
        this.username = username;
    }

    /**
     * The username another user has, so the caller can pick another.
     *
     * @return the taken username
     */
    public String username() {
        return username;
    }
}
