package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.spi.SocialToken;

import java.util.Objects;

/**
 * What a provider returns after a successful code exchange.
 *
 * @param profile    the user's profile
 * @param token      the tokens to store (never logged)
 * @param idpSession what the verified ID token says about the IdP's session, or null without an ID token
 */
public record ProviderResult(ProviderProfile profile, SocialToken token, IdpSession idpSession) {
    public ProviderResult {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(token, "token");
    }

    /** A result without an ID token (plain OAuth 2.0). */
    public ProviderResult(ProviderProfile profile, SocialToken token) {
        this(profile, token, null);
    }
}
