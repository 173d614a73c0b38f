package io.gatehouse.sso.core.provider;

import java.util.Objects;

/**
 * What a provider needs to finish a login after the IdP redirected back.
 *
 * @param code         the authorization code (never logged)
 * @param codeVerifier the PKCE verifier of this login, or {@code null}
 * @param nonce        the nonce sent with this login; the ID token must carry it
 */
public record CodeExchange(String code, String codeVerifier, String nonce) {
    /**
     * Requires {@code code} and {@code nonce}.
     *
     * @param code the authorization code (never logged)
     * @param codeVerifier the PKCE verifier of this login, or {@code null}
     * @param nonce the nonce sent with this login; the ID token must carry it
     */
    public CodeExchange {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nonce, "nonce");
    }

    @Override
    public String toString() {
        return "CodeExchange[code=(redacted), pkce=" + (codeVerifier != null) + "]";
    }
}
