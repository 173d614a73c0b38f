package io.gatehouse.sso.core.provider;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an IdP says about the user, in one shape for every provider.
 *
 * <pre>{@code
 * new ProviderProfile("583231", List.of(new EmailAddress("octo@github.com", true, true)),
 *         "octocat", "Mona", "Lisa", Map.of("login", "octocat"));
 * }</pre>
 *
 * @param uid       the IdP's stable subject id (OIDC {@code sub}, GitHub's numeric id); never a mutable name
 * @param emails    addresses with verified and primary flags
 * @param username  suggested username, may be empty
 * @param firstName given name, may be empty
 * @param lastName  family name, may be empty
 * @param claims    every raw claim: ID token claims overlaid by userinfo (or the provider's REST profile)
 */
public record ProviderProfile(String uid, List<EmailAddress> emails, String username, String firstName,
                              String lastName, Map<String, Object> claims) {

    /**
     * Requires the uid; copies the emails and claims (immutable), {@code null} names become empty.
     *
     * @param uid the IdP's stable subject id (OIDC {@code sub}, GitHub's numeric id); never a mutable name
     * @param emails addresses with verified and primary flags
     * @param username suggested username, may be empty
     * @param firstName given name, may be empty
     * @param lastName family name, may be empty
     * @param claims every raw claim: ID token claims overlaid by userinfo (or the provider's REST profile)
     */
    public ProviderProfile {
        Objects.requireNonNull(uid, "uid");
        emails = emails == null ? List.of() : List.copyOf(emails);
        username = username == null ? "" : username;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /**
     * The address to use: primary and verified first, then verified, then primary, then the first.
     *
     * @return the address, or empty when the IdP gave none
     */
    public Optional<EmailAddress> preferredEmail() {
        return emails.stream().min(Comparator.comparing((EmailAddress e) -> !(e.primary() && e.verified()))
                .thenComparing(e -> !e.verified()).thenComparing(e -> !e.primary()));
    }

    @Override
    public String toString() {
        // claims can hold personal data and access hashes; keep them out of logs
        return "ProviderProfile[uid=" + uid + ", emails=" + emails.size() + ", claims=" + claims.keySet() + "]";
    }
}
