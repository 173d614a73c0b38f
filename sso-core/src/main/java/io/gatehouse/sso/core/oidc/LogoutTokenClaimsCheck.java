package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.jwt.util.DateUtils;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenClaimsVerifier;
import io.gatehouse.sso.core.FailureCode;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The claims checks of a logout token (OpenID Connect Back-Channel Logout 1.0 section 2.6, steps 4 to 7, and the
 * {@code jti} that section 2.4 requires), in the spec's order, run by Nimbus's JWT processor after the signature
 * verified. Each check throws a {@link RejectedToken} with its own failure code; then Nimbus's
 * {@link LogoutTokenClaimsVerifier}, on the same clock, has the last word.
 *
 * <pre>{@code
 * processor.setJWTClaimsSetVerifier(new LogoutTokenClaimsCheck(issuer, clientId, clock.instant(), Duration.ofSeconds(60)));
 * }</pre>
 */
final class LogoutTokenClaimsCheck implements JWTClaimsSetVerifier<SecurityContext> {
    private final Issuer issuer;
    private final String clientId;
    private final Date now;
    private final long skewSeconds;
    private final LogoutTokenClaimsVerifier nimbus;

    LogoutTokenClaimsCheck(Issuer issuer, String clientId, Instant now, Duration maxClockSkew) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.now = Date.from(now);
        this.skewSeconds = maxClockSkew.toSeconds();
        this.nimbus = new LogoutTokenClaimsVerifier(issuer, new ClientID(clientId)) {
            @Override
            protected Date currentTime() {
                return LogoutTokenClaimsCheck.this.now;
            }
        };
        nimbus.setMaxClockSkew((int) skewSeconds);
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws RejectedToken {
        // step 4: iss, aud, iat and exp as for ID tokens
        issuer(claims);
        audience(claims);
        times(claims);
        // step 5: a sub, a sid, or both
        if (string(claims, "sub") == null && string(claims, "sid") == null) {
            throw invalid("sub", "it names neither a subject (sub) nor a session (sid)");
        }
        // step 6: the back-channel logout event
        events(claims);
        // step 7: a nonce would make it an ID token, which must never be accepted as a logout
        if (claims.getClaim("nonce") != null) {
            throw invalid("nonce", "it carries a nonce, which logout tokens must not");
        }
        // section 2.4: jti is required; step 8 (replay) is the caller's, with the single-use store
        if (string(claims, "jti") == null) {
            throw invalid("jti", "it has no unique id (jti)");
        }
        try {
            nimbus.verify(claims, context);
        } catch (BadJWTException e) {
            throw invalid("claims", e.getMessage());
        }
    }

    private void issuer(JWTClaimsSet claims) throws RejectedToken {
        if (!issuer.getValue().equals(claims.getIssuer())) {
            throw new RejectedToken(FailureCode.LOGOUT_TOKEN_ISSUER_MISMATCH, "iss", claims.getIssuer() == null
                    ? "it has no issuer (iss)" : "its issuer (iss) is '" + claims.getIssuer() + "', not '" + issuer + "'");
        }
    }

    private void audience(JWTClaimsSet claims) throws RejectedToken {
        if (!claims.getAudience().contains(clientId)) {
            throw new RejectedToken(FailureCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH, "aud", claims.getAudience().isEmpty()
                    ? "it has no audience (aud)" : "its audience (aud) " + claims.getAudience() + " does not include this client");
        }
    }

    private void times(JWTClaimsSet claims) throws RejectedToken {
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw invalid("iat", "it has no issue time (iat)");
        }
        if (!DateUtils.isBefore(iat, now, skewSeconds)) {
            throw new RejectedToken(FailureCode.LOGOUT_TOKEN_EXPIRED, "iat", "its issue time (iat) " + iat.toInstant()
                    + " is in the future");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid("exp", "it has no expiry (exp)");
        }
        if (!DateUtils.isAfter(exp, now, skewSeconds)) {
            throw new RejectedToken(FailureCode.LOGOUT_TOKEN_EXPIRED, "exp", "it expired at " + exp.toInstant());
        }
    }

    private static void events(JWTClaimsSet claims) throws RejectedToken {
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            throw invalid("events", "its events claim is not a JSON object");
        }
        if (events == null || !(events.get(LogoutTokenClaimsSet.EVENT_TYPE) instanceof Map<?, ?>)) {
            throw invalid("events", "its events claim does not hold the member " + LogoutTokenClaimsSet.EVENT_TYPE);
        }
    }

    private static String string(JWTClaimsSet claims, String name) throws RejectedToken {
        try {
            String value = claims.getStringClaim(name);
            return value == null || value.isBlank() ? null : value;
        } catch (ParseException e) {
            throw invalid(name, "its " + name + " claim is not a string");
        }
    }

    private static RejectedToken invalid(String claim, String detail) {
        return new RejectedToken(FailureCode.LOGOUT_TOKEN_INVALID, claim, detail);
    }
}
