package io.gatehouse.sso.core.oauth2;

import java.util.Objects;
import java.net.URI;

/**
 * Where a plain OAuth 2.0 provider's app sends the browser and exchanges the code.
 *
 * @param authorization the authorization endpoint (RFC 6749 3.1)
 * @param token         the token endpoint (RFC 6749 3.2)
 */
public record OAuth2Endpoints(URI authorization, URI token) {
    /**
     * Requires both endpoints.
     *
     * @param authorization the authorization endpoint (RFC 6749 3.1)
     * @param token the token endpoint (RFC 6749 3.2)
     */
    public OAuth2Endpoints {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(token, "token");
    }
}
