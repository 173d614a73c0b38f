package io.gatehouse.sso.core;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.IdpSession;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.spi.SocialToken;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a pending sign-up carries through the host's sign-up form: the IdP profile, tokens and session, sealed
 * (encrypted, so tokens and claims stay confidential) and single-use (by its id).
 */
record PendingSignupClaims(String id, String routeId, String appId, ProviderProfile profile, SocialToken token,
                           IdpSession idpSession, String next) {

    static final String PURPOSE = "pending-signup";

    static PendingSignupClaims create(String routeId, String appId, ProviderProfile profile, SocialToken token,
                                      IdpSession idpSession, String next) {
        return new PendingSignupClaims(UUID.randomUUID().toString(), routeId, appId, profile, token, idpSession, next);
    }

    JWTClaimsSet toClaims() {
        List<Map<String, Object>> emails = new ArrayList<>();
        profile.emails().forEach(e -> emails.add(Map.of("a", e.address(), "v", e.verified(), "p", e.primary())));
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().jwtID(id).claim("pv", routeId).claim("ap", appId)
                .claim("uid", profile.uid()).claim("em", emails).claim("un", profile.username())
                .claim("fn", profile.firstName()).claim("ln", profile.lastName()).claim("cl", profile.claims())
                .claim("nx", next).claim("at", token.accessToken()).claim("rt", token.refreshToken())
                .claim("sc", String.join(" ", token.scopes()));
        if (token.expiresAt() != null) {
            b.claim("ex", token.expiresAt().getEpochSecond());
        }
        if (idpSession != null) {
            b.claim("is", idpSession.subject()).claim("ss", idpSession.sid()).claim("it", idpSession.idToken());
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    static PendingSignupClaims fromClaims(JWTClaimsSet c) throws Seal.Broken {
        try {
            List<EmailAddress> emails = new ArrayList<>();
            Object rawEmails = c.getClaim("em");
            if (rawEmails instanceof List<?> list) {
                for (Object o : list) {
                    Map<String, Object> m = (Map<String, Object>) o;
                    emails.add(new EmailAddress((String) m.get("a"), Boolean.TRUE.equals(m.get("v")), Boolean.TRUE.equals(m.get("p"))));
                }
            }
            Object claims = c.getClaim("cl");
            ProviderProfile profile = new ProviderProfile(c.getStringClaim("uid"), emails, c.getStringClaim("un"),
                    c.getStringClaim("fn"), c.getStringClaim("ln"), claims instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
            Long ex = c.getLongClaim("ex");
            String scopes = c.getStringClaim("sc");
            SocialToken token = new SocialToken(c.getStringClaim("at"), c.getStringClaim("rt"),
                    ex == null ? null : Instant.ofEpochSecond(ex),
                    scopes == null || scopes.isBlank() ? Set.of() : Set.of(scopes.split(" ")));
            if (c.getJWTID() == null || c.getStringClaim("pv") == null || c.getStringClaim("ap") == null) {
                throw new Seal.Broken("incomplete sign-up");
            }
            String idToken = c.getStringClaim("it");
            IdpSession idp = idToken == null ? null : new IdpSession(c.getStringClaim("is"), c.getStringClaim("ss"), idToken);
            return new PendingSignupClaims(c.getJWTID(), c.getStringClaim("pv"), c.getStringClaim("ap"), profile, token, idp,
                    c.getStringClaim("nx"));
        } catch (ParseException | ClassCastException | NullPointerException e) {
            throw new Seal.Broken("malformed sign-up");
        }
    }

}
