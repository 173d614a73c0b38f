package io.gatehouse.sso.core;

/** What a login is for: signing in ({@code login}) or adding an identity to the signed-in user ({@code connect}). */
public enum AuthProcess {
    /** Sign a user in, registering a new one when the identity is not linked yet. */
    LOGIN,
    /** Link another identity to the user who is signed in already; nobody is signed in or registered. */
    CONNECT;

    /**
     * Parses {@code login} / {@code connect} (any case); anything else is {@code login}.
     *
     * @param raw the {@code process} request parameter, or null
     * @return the process; never null
     */
    public static AuthProcess parse(String raw) {
        return "connect".equalsIgnoreCase(raw) ? CONNECT : LOGIN;
    }
}
