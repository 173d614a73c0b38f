package io.gatehouse.sso.core;

/** What a login is for: signing in ({@code login}) or adding an identity to the signed-in user ({@code connect}). */
public enum AuthProcess {
    LOGIN, CONNECT;

    /** Parses {@code login} / {@code connect} (any case); anything else is {@code login}. */
    public static AuthProcess parse(String raw) {
        return "connect".equalsIgnoreCase(raw) ? CONNECT : LOGIN;
    }
}
