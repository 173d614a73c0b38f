package io.gatehouse.sso.core.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * A back-channel logout token that passed every check of OpenID Connect Back-Channel Logout 1.0 section 2.6:
 * which IdP session ({@code sid}) or user ({@code sub}) to sign out, and what identifies the token itself.
 *
 * <pre>{@code
 * VerifiedLogout logout = backend.verifyLogoutToken(context, token);
 * registry.endAll(routeId, logout.subject(), logout.sid(), now);
 * }</pre>
 *
 * @param issuer    the token's {@code iss}
 * @param subject   the IdP's {@code sub}, or null
 * @param sid       the IdP's session id, or null (one of the two is present)
 * @param jti       the token's unique id, for replay detection
 * @param expiresAt the token's {@code exp}: it can be refused as replayed until then
 */
public record VerifiedLogout(String issuer, String subject, String sid, String jti, Instant expiresAt) {
    public VerifiedLogout {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (subject == null && sid == null) {
            throw new IllegalArgumentException("a logout names a sub, a sid or both");
        }
    }
}
