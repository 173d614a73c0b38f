package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.spi.SocialToken;

import java.util.Objects;

/**
 * What a provider returns after a successful code exchange.
 *
 * @param profile the user's profile
 * @param token   the tokens to store (never logged)
 */
public record ProviderResult(ProviderProfile profile, SocialToken token) {
    public ProviderResult {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(token, "token");
    }
}
