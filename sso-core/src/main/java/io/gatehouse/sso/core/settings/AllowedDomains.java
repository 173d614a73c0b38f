package io.gatehouse.sso.core.settings;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code LOGIN_SIGNUP_MAIL_RESTRICTION}: the email domains allowed to sign up. An address is allowed
 * when its domain (everything after the last {@code @}, compared case-insensitively and in its
 * ASCII/punycode form) equals one listed domain exactly: no suffix matching, so
 * {@code a@evil.com.example.com} is not {@code @example.com}. An empty list allows every domain. A domain
 * with an IDNA deviation character ({@code ß}, {@code ς}, zero-width joiners) is refused: write it in punycode.
 *
 * <pre>{@code
 * AllowedDomains allowed = AllowedDomains.parse("@example.com, @example.org");
 * allowed.allows("ada@EXAMPLE.com"); // true
 * }</pre>
 */
public final class AllowedDomains {
    private final Set<String> domains;

    private AllowedDomains(Set<String> domains) {
        this.domains = domains;
    }

    /** No restriction: every address may sign up. */
    public static final AllowedDomains ANY = new AllowedDomains(Set.of());

    /**
     * Parses a comma list of {@code @domain} entries; throws {@link IllegalArgumentException} naming a bad entry.
     *
     * @param raw the setting's value, e.g. {@code @example.com,@example.org}; blank is {@link #ANY}
     * @return the domains
     */
    public static AllowedDomains parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ANY;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String domain = entry.startsWith("@") ? entry.substring(1) : entry;
            Optional<String> normal = normalize(domain);
            if (normal.isEmpty() || domain.contains("@")) {
                throw new IllegalArgumentException("'" + entry + "' is not an email domain; use the form @example.com");
            }
            out.add(normal.get());
        }
        return new AllowedDomains(Set.copyOf(out));
    }

    /**
     * Whether any domain is listed (else every address is allowed).
     *
     * @return true when sign-up is restricted
     */
    public boolean restricts() {
        return !domains.isEmpty();
    }

    /**
     * The listed domains, sorted, each with its {@code @}.
     *
     * @return e.g. {@code [@example.com, @example.org]}
     */
    public List<String> domains() {
        return domains.stream().sorted().map(d -> "@" + d).toList();
    }

    /**
     * Whether {@code email} may sign up; a malformed address is never allowed when a restriction applies.
     *
     * @param email the address
     * @return true when allowed
     */
    public boolean allows(String email) {
        if (domains.isEmpty()) {
            return true;
        }
        Optional<String> domain = EmailAddresses.domainOf(email);
        return domain.isPresent() && domains.contains(domain.get());
    }

    /**
     * Characters java.net.IDN (IDNA2003) folds away ({@code ß} to "ss", {@code ς} to {@code σ}, joiners
     * dropped) but IDNA2008, which registries and mail systems use, keeps distinct or refuses: with them
     * {@code straße.de}, another registrable domain, would pass as {@code strasse.de}.
     */
    private static final String IDNA_DEVIATIONS = "\u00DF\u1E9E\u03C2\u200C\u200D";

    /** Lower-case ASCII (punycode) form of a domain; empty when it is not a plausible host name. */
    static Optional<String> normalize(String domain) {
        if (domain == null || domain.isEmpty() || domain.endsWith(".") || domain.startsWith(".")) {
            return Optional.empty();
        }
        for (int i = 0; i < IDNA_DEVIATIONS.length(); i++) {
            if (domain.indexOf(IDNA_DEVIATIONS.charAt(i)) >= 0) {
                return Optional.empty();
            }
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ascii.contains(".") || ascii.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(ascii);
    }
}
