package io.gatehouse.sso.core.provider;

import java.util.Objects;

/**
 * The per-login values a provider puts into its authorization request.
 *
 * @param state        opaque state (at least 128 random bits)
 * @param nonce        OIDC nonce; plain OAuth2 providers ignore it
 * @param codeVerifier PKCE verifier, or {@code null} when PKCE is turned off for the app; send its S256 challenge
 */
public record AuthorizationParams(String state, String nonce, String codeVerifier) {
    /**
     * Requires {@code state} and {@code nonce}.
     *
     * @param state opaque state (at least 128 random bits)
     * @param nonce OIDC nonce; plain OAuth2 providers ignore it
     * @param codeVerifier PKCE verifier, or {@code null} when PKCE is turned off for the app; send its S256 challenge
     */
    public AuthorizationParams {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
    }
}
