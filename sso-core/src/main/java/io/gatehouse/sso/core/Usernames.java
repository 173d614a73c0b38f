package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.ProviderProfile;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Derives a username for a new SSO user: the IdP's preferred username, else the email's local part,
 * else {@code user}; reduced to {@code [a-z0-9_.@+-]}, at most 30 characters. Uniqueness is the
 * engine's job (it retries with a numeric suffix).
 *
 * <pre>{@code
 * Usernames.base(profile); // "ada.lovelace"
 * Usernames.withSuffix("ada", 2); // "ada2"
 * Usernames.accepts("Ada.L"); // true: stored as "ada.l"
 * Usernames.accepts("ada lovelace"); // false
 * }</pre>
 */
public final class Usernames {
    private static final int MAX = 30;

    private Usernames() {
    }

    /**
     * The username to try first for a new user of this profile.
     *
     * @param profile the IdP's profile
     * @return a cleaned username; {@code user} when the profile gives nothing usable
     */
    public static String base(ProviderProfile profile) {
        String candidate = clean(profile.username());
        if (candidate.isEmpty()) {
            candidate = profile.preferredEmail().map(e -> e.address().contains("@")
                    ? e.address().substring(0, e.address().indexOf('@')) : "").map(Usernames::clean).orElse("");
        }
        return candidate.isEmpty() ? "user" : candidate;
    }

    /**
     * The rule for a username a user typed (on a sign-up form): true when it is not empty and only uses
     * letters, digits and {@code _ . @ + -} within the length limit, ignoring case ({@link #clean} gives the
     * stored form). The engine refuses the others; a form can check it first and ask again.
     *
     * @param typed what the user typed; null is refused
     * @return true when the engine would accept it
     */
    public static boolean accepts(String typed) {
        return typed != null && !typed.isEmpty() && clean(typed).equals(typed.toLowerCase(Locale.ROOT));
    }

    /**
     * The stored form of a name: lower case, accents stripped, only {@code [a-z0-9_.@+-]}, at most 30 characters.
     *
     * @param raw the name; null is empty
     * @return the cleaned name, possibly empty
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String ascii = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String cleaned = ascii.replaceAll("[^a-z0-9_.@+-]", "");
        return cleaned.length() > MAX ? cleaned.substring(0, MAX) : cleaned;
    }

    /**
     * The base with a numeric suffix, shortened so that the whole stays within 30 characters.
     *
     * @param base a cleaned username
     * @param n the suffix, e.g. 2 for the second try
     * @return e.g. {@code ada2}
     */
    public static String withSuffix(String base, int n) {
        String suffix = Integer.toString(n);
        String head = base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base;
        return head + suffix;
    }
}
