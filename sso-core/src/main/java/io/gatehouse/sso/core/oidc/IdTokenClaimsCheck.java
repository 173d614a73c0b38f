package io.gatehouse.sso.core.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.util.DateUtils;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.gatehouse.sso.core.FailureCode;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims checks of OpenID Connect Core 1.0 section 3.1.3.7 for one login, in the spec's order, run by
 * Nimbus's JWT processor after the signature verified. Each check throws a {@link RejectedToken} carrying
 * its own failure code and the claim it read.
 *
 * <pre>{@code
 * processor.setJWTClaimsSetVerifier(new IdTokenClaimsCheck(issuer, clientId, nonce, clock.instant(), Duration.ofSeconds(60)));
 * }</pre>
 */
final class IdTokenClaimsCheck implements JWTClaimsSetVerifier<SecurityContext> {
    private final Issuer issuer;
    private final String clientId;
    private final String nonce;
    private final Date now;
    private final long skewSeconds;

    IdTokenClaimsCheck(Issuer issuer, String clientId, String nonce, Instant now, Duration maxClockSkew) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.nonce = nonce;
        this.now = Date.from(now);
        this.skewSeconds = maxClockSkew.toSeconds();
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws RejectedToken {
        issuer(claims);
        subject(claims);
        audience(claims);
        authorizedParty(claims);
        expiry(claims);
        issueTime(claims);
        nonce(claims);
    }

    /** Step 2: the issuer is exactly the expected one (no normalization: a trailing slash is another issuer). */
    private void issuer(JWTClaimsSet claims) throws RejectedToken {
        if (!issuer.getValue().equals(claims.getIssuer())) {
            throw new RejectedToken(FailureCode.ISSUER_MISMATCH, "iss", claims.getIssuer() == null ? "it has no issuer (iss)"
                    : "its issuer (iss) is '" + claims.getIssuer() + "', not '" + issuer + "'");
        }
    }

    /** Section 2: {@code sub} is required; a blank one would identify nobody (or everybody). */
    private static void subject(JWTClaimsSet claims) throws RejectedToken {
        String sub;
        try {
            sub = claims.getStringClaim("sub");
        } catch (ParseException e) {
            throw new RejectedToken(FailureCode.ID_TOKEN_INVALID, "sub", "its subject (sub) is not a string");
        }
        if (sub == null || sub.isBlank()) {
            throw new RejectedToken(FailureCode.ID_TOKEN_INVALID, "sub", "its subject (sub) is " + (sub == null ? "missing" : "blank"));
        }
    }

    /** Step 3: this client is among the audiences. */
    private void audience(JWTClaimsSet claims) throws RejectedToken {
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw new RejectedToken(FailureCode.AUDIENCE_MISMATCH, "aud", audience.isEmpty() ? "it has no audience (aud)"
                    : "its audience (aud) " + audience + " does not include this client");
        }
    }

    /** Steps 4 and 5: several audiences need an {@code azp}, and an {@code azp} must name this client. */
    private void authorizedParty(JWTClaimsSet claims) throws RejectedToken {
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp.toString())) {
            throw new RejectedToken(FailureCode.AUDIENCE_MISMATCH, "azp", "its authorized party (azp) is '" + azp
                    + "', not this client");
        }
        if (azp == null && claims.getAudience().size() > 1) {
            throw new RejectedToken(FailureCode.AUDIENCE_MISMATCH, "azp", "it has several audiences "
                    + claims.getAudience() + " and no authorized party (azp)");
        }
    }

    /** Step 9: not expired, allowing for clock skew. */
    private void expiry(JWTClaimsSet claims) throws RejectedToken {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new RejectedToken(FailureCode.ID_TOKEN_INVALID, "exp", "it has no expiry (exp)");
        }
        if (!DateUtils.isAfter(exp, now, skewSeconds)) {
            throw new RejectedToken(FailureCode.ID_TOKEN_EXPIRED, "exp", "it expired at " + exp.toInstant());
        }
    }

    /** Step 10: issued now, not in the future (allowing for skew); an {@code nbf}, when present, has passed. */
    private void issueTime(JWTClaimsSet claims) throws RejectedToken {
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw new RejectedToken(FailureCode.ID_TOKEN_INVALID, "iat", "it has no issue time (iat)");
        }
        if (!DateUtils.isBefore(iat, now, skewSeconds)) {
            throw new RejectedToken(FailureCode.ID_TOKEN_EXPIRED, "iat", "its issue time (iat) " + iat.toInstant()
                    + " is in the future");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && !DateUtils.isBefore(nbf, now, skewSeconds)) {
            throw new RejectedToken(FailureCode.ID_TOKEN_EXPIRED, "nbf", "it is not valid before " + nbf.toInstant());
        }
    }

    /** Step 11: the nonce this login sent, so a token minted for another login is refused. */
    private void nonce(JWTClaimsSet claims) throws RejectedToken {
        Object value = claims.getClaim("nonce");
        if (value == null) {
            throw new RejectedToken(FailureCode.NONCE_MISMATCH, "nonce", "it has no nonce");
        }
        if (!nonce.equals(value)) {
            throw new RejectedToken(FailureCode.NONCE_MISMATCH, "nonce", "its nonce is not the one this login sent");
        }
    }
}
