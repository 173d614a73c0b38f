package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth2 tokens an IdP issued for one social account. Stores must keep them confidential
 * (the JDBC store encrypts them); {@link #toString()} never prints them.
 *
 * <pre>{@code
 * SocialToken fresh = new SocialToken("at-2", null, now.plusSeconds(3600), Set.of("openid", "email"));
 * SocialToken kept = fresh.mergedOver(previous); // keeps previous refresh token
 * }</pre>
 *
 * @param accessToken  access token; never {@code null}
 * @param refreshToken refresh token, or {@code null} when the IdP sent none
 * @param expiresAt    access token expiry, or {@code null} when unknown
 * @param scopes       the scopes the IdP granted (its token response's {@code scope}); empty when it did not say
 */
public record SocialToken(String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes) {

    /**
     * A {@code null} access token becomes empty; scopes are copied (sorted, immutable, {@code null} is none).
     *
     * @param accessToken access token; never {@code null}
     * @param refreshToken refresh token, or {@code null} when the IdP sent none
     * @param expiresAt access token expiry, or {@code null} when unknown
     * @param scopes the scopes the IdP granted (its token response's {@code scope}); empty when it did not say
     */
    public SocialToken {
        accessToken = accessToken == null ? "" : accessToken;
        scopes = scopes == null ? Set.of() : Set.copyOf(new TreeSet<>(scopes));
    }

    /**
     * A token whose granted scopes are not known.
     *
     * @param accessToken the access token; {@code null} is empty
     * @param refreshToken the refresh token, or {@code null} when the IdP gave none
     * @param expiresAt when the access token expires, or {@code null} when unknown
     */
    public SocialToken(String accessToken, String refreshToken, Instant expiresAt) {
        this(accessToken, refreshToken, expiresAt, Set.of());
    }

    /**
     * This token as it should be stored over {@code previous}: IdPs often omit the refresh token on
     * later logins, and dropping the stored one would silently break offline access.
     *
     * @param previous the stored token, or {@code null}
     * @return this token, keeping {@code previous}'s refresh token when this one has none
     */
    public SocialToken mergedOver(SocialToken previous) {
        if (refreshToken != null || previous == null) {
            return this;
        }
        return new SocialToken(accessToken, previous.refreshToken(), expiresAt, scopes);
    }

    @Override
    public String toString() {
        return "SocialToken[accessToken=(redacted), refreshToken=" + (refreshToken == null ? "(none)" : "(redacted)")
                + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
