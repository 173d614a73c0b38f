package io.gatehouse.sso.core.settings;

import java.util.Optional;

/**
 * The one place that decides whether a string is a usable email address and what its domain is,
 * so sign-up restriction and account linking agree.
 *
 * <pre>{@code
 * EmailAddresses.domainOf("ada@Example.COM"); // Optional[example.com]
 * EmailAddresses.domainOf("a@b@evil.com");     // Optional.empty
 * }</pre>
 */
public final class EmailAddresses {
    private EmailAddresses() {
    }

    /**
     * True for {@code local@domain} with exactly one {@code @}, no white space or control characters, a valid domain.
     *
     * @param email the address; null is invalid
     * @return true for a valid address
     */
    public static boolean isValid(String email) {
        return domainOf(email).isPresent();
    }

    /**
     * The normalized domain of a valid address; empty for a malformed one.
     *
     * @param email the address
     * @return the lower-case domain, or empty
     */
    public static Optional<String> domainOf(String email) {
        if (email == null || email.length() > 254) {
            return Optional.empty();
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '<' || c == '>' || c == ',' || c == ';') {
                return Optional.empty();
            }
        }
        return AllowedDomains.normalize(email.substring(at + 1));
    }
}
