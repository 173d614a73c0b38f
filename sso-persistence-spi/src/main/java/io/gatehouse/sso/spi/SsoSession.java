package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A local session that a sign-in through an identity provider started, as the {@link SessionRegistry} keeps it:
 * enough to end it from anywhere (the IdP's back-channel logout names its {@code sid} or {@code sub}) and to end
 * the IdP's session too (the ID token goes back to the IdP as {@code id_token_hint}).
 *
 * <pre>{@code
 * SsoSession s = new SsoSession(handle, user.id(), "keycloak", appId, sub, sid, rawIdToken, now, now.plus(Duration.ofHours(24)), null);
 * registry.add(s);
 * }</pre>
 *
 * @param id         the random handle the host's session carries (not the host's own session id, which changes)
 * @param userId     the local user signed in
 * @param provider   provider route id the sign-in came through
 * @param appId      the social application's id
 * @param subject    the ID token's {@code sub}, or {@code null} for an IdP without ID tokens (GitHub)
 * @param sid        the IdP's session id (the ID token's {@code sid}), or {@code null} when it sent none
 * @param idToken    the ID token as issued, or {@code null}; a credential, so stores keep it encrypted
 * @param signedInAt when the sign-in happened
 * @param expiresAt  the latest the session may live; afterwards it counts as ended and the registry may forget it
 * @param endedAt    when it was ended (signed out here, or by the IdP), or {@code null} while it lives
 */
public record SsoSession(String id, String userId, String provider, String appId, String subject, String sid,
                         String idToken, Instant signedInAt, Instant expiresAt, Instant endedAt) {

    public SsoSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it still lives at {@code now}: not ended, not expired. */
    public boolean liveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    /** This session, ended at {@code at}. */
    public SsoSession endedAt(Instant at) {
        return new SsoSession(id, userId, provider, appId, subject, sid, idToken, signedInAt, expiresAt, at);
    }

    @Override
    public String toString() {
        return "SsoSession[userId=" + userId + ", provider=" + provider + ", subject=" + subject + ", sid=" + (sid != null)
                + ", idToken=" + (idToken == null ? "(none)" : "(redacted)") + ", signedInAt=" + signedInAt
                + ", expiresAt=" + expiresAt + ", endedAt=" + endedAt + "]";
    }
}
