package io.gatehouse.sso.core.provider;

/**
 * What a sign-in's verified ID token says about the session at the identity provider: what logout needs later.
 * The raw ID token goes back to the IdP as {@code id_token_hint} (RP-initiated logout); {@code sub} and
 * {@code sid} are what a back-channel logout token names. Plain OAuth 2.0 providers (GitHub) have none.
 *
 * <pre>{@code
 * IdpSession s = new IdpSession(claims.getSubject(), claims.getStringClaim("sid"), idToken.serialize());
 * }</pre>
 *
 * @param subject the ID token's {@code sub}
 * @param sid     the ID token's {@code sid}, or null when the IdP sends none
 * @param idToken the ID token as the IdP issued it (a credential: never logged)
 */
public record IdpSession(String subject, String sid, String idToken) {

    @Override
    public String toString() {
        return "IdpSession[subject=" + subject + ", sid=" + (sid != null) + ", idToken=(redacted)]";
    }
}
