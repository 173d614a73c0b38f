package io.gatehouse.sso.core.transaction;

import java.time.Duration;

/**
 * The cookie attributes adapters must use for a sealed login transaction: HttpOnly, Secure on
 * https, SameSite=Lax (the IdP's redirect back is a top-level GET, which Lax allows), path
 * {@code /accounts/} under the application's context path, and a Max-Age of the transaction's life.
 *
 * <pre>{@code
 * Cookie c = new Cookie(start.cookie().name(), start.cookie().value());
 * c.setHttpOnly(true); c.setSecure(start.cookie().secure()); c.setPath(contextPath + start.cookie().path());
 * }</pre>
 *
 * @param name     cookie name, unique per login so parallel logins (two tabs) do not overwrite each other
 * @param value    the sealed transaction
 * @param path     {@code /accounts/}, to be prefixed with the context path
 * @param maxAge   lifetime
 * @param secure   true when the base URL is https
 * @param sameSite {@code Lax}
 */
public record TransactionCookie(String name, String value, String path, Duration maxAge, boolean secure, String sameSite) {

    /** Prefix of every transaction cookie's name; adapters may use it to clear stale ones. */
    public static final String NAME_PREFIX = "gatehouse_tx_";

    /** The cookie path under the application's base path: only the SSO routes need the cookie. */
    public static final String PATH = "/accounts/";

    /**
     * The cookie name for the login with this state (how the callback finds its transaction).
     *
     * @param state the login's {@code state}
     * @return the cookie name
     */
    public static String nameFor(String state) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(state).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return NAME_PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "TransactionCookie[name=" + name + ", path=" + path + ", maxAge=" + maxAge + ", secure=" + secure + "]";
    }
}
