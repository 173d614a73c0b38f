package io.gatehouse.sso.core.oauth2;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.sso.spi.SocialToken;

import java.util.Objects;

/**
 * What the token endpoint issued for a code, parsed by Nimbus but not yet validated.
 *
 * @param accessToken for userinfo or the provider's API
 * @param idToken     the OpenID Connect ID token, or {@code null} when the IdP sent none (plain OAuth 2.0)
 * @param stored      what to store: access and refresh token with an absolute expiry
 */
public record IssuedTokens(AccessToken accessToken, JWT idToken, SocialToken stored) {
    /**
     * Requires the access token and the token to store.
     *
     * @param accessToken for userinfo or the provider's API
     * @param idToken the OpenID Connect ID token, or {@code null} when the IdP sent none (plain OAuth 2.0)
     * @param stored what to store: access and refresh token with an absolute expiry
     */
    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(stored, "stored");
    }

    @Override
    public String toString() {
        return "IssuedTokens[(redacted), idToken=" + (idToken != null) + "]";
    }
}
