package io.gatehouse.sso.core.oidc;

import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderProfile;

import java.util.List;
import java.util.Map;

/**
 * Maps standard OpenID Connect claims to a {@link ProviderProfile}: {@code email} with
 * {@code email_verified} (a boolean, or the string "true" some IdPs send; anything else is unverified),
 * {@code preferred_username}, {@code given_name} / {@code family_name} (else split from {@code name}).
 *
 * <pre>{@code
 * ProviderProfile p = OidcProfiles.fromClaims(sub, Map.of("email", "ada@example.com", "email_verified", true));
 * }</pre>
 */
public final class OidcProfiles {
    private OidcProfiles() {
    }

    /**
     * The profile standard OpenID Connect claims give: {@code email} with {@code email_verified}, {@code
     * preferred_username}, {@code given_name} and {@code family_name}.
     *
     * @param uid the user's id at the IdP (the {@code sub})
     * @param claims the merged ID token and UserInfo claims
     * @return the profile, keeping every claim
     */
    public static ProviderProfile fromClaims(String uid, Map<String, Object> claims) {
        List<EmailAddress> emails = List.of();
        Object email = claims.get("email");
        if (email instanceof String address && !address.isBlank()) {
            emails = List.of(new EmailAddress(address.trim(), isTrue(claims.get("email_verified")), true));
        }
        String first = string(claims.get("given_name"));
        String last = string(claims.get("family_name"));
        String name = string(claims.get("name"));
        if (first.isEmpty() && last.isEmpty() && !name.isEmpty()) {
            int space = name.lastIndexOf(' ');
            first = space < 0 ? name : name.substring(0, space);
            last = space < 0 ? "" : name.substring(space + 1);
        }
        String username = string(claims.get("preferred_username"));
        if (username.isEmpty()) {
            username = string(claims.get("nickname"));
        }
        return new ProviderProfile(uid, emails, username, first, last, claims);
    }

    /**
     * OIDC says boolean; some IdPs send "true". Anything else is not a verification.
     *
     * @param value a claim's value
     * @return true only for {@code true} or {@code "true"}
     */
    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static String string(Object value) {
        return value instanceof String s ? s.trim() : "";
    }
}
