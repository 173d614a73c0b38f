package io.gatehouse.sso.core.transaction;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.SafeNext;
import io.gatehouse.sso.core.provider.IssuerIdentification;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login in progress, sealed into a cookie between the redirect to the IdP and the callback.
 *
 * @param state        the state sent to the IdP
 * @param nonce        the nonce sent to the IdP
 * @param codeVerifier the PKCE verifier, or null when PKCE is off for the app
 * @param routeId      the provider route id the login started on
 * @param appId        the chosen social application's id
 * @param process      login or connect
 * @param next         the safe path to go to afterwards
 * @param userId       for connect, the user who started it; else null
 * @param issuedAt     when the login started
 * @param issuer       how the IdP names itself in its answers (RFC 9207), or null for an IdP without an issuer
 */
public record LoginTransaction(String state, String nonce, String codeVerifier, String routeId, String appId,
                               AuthProcess process, String next, String userId, Instant issuedAt,
                               IssuerIdentification issuer) {

    private static final String PURPOSE = "login-transaction";

    public LoginTransaction {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(process, "process");
        next = SafeNext.of(next);
    }

    /** A transaction for an IdP without an issuer identifier. */
    public LoginTransaction(String state, String nonce, String codeVerifier, String routeId, String appId,
                            AuthProcess process, String next, String userId, Instant issuedAt) {
        this(state, nonce, codeVerifier, routeId, appId, process, next, userId, issuedAt, null);
    }

    /** This transaction sealed for a cookie that lives {@code ttl}. */
    public String sealWith(Seal seal, Duration ttl) {
        return seal.seal(PURPOSE, toClaims(), ttl);
    }

    /** Opens a transaction sealed by {@link #sealWith}. */
    public static LoginTransaction openWith(Seal seal, String sealed) throws Seal.Broken, Seal.Expired {
        return fromClaims(seal.open(PURPOSE, sealed));
    }

    private JWTClaimsSet toClaims() {
        return new JWTClaimsSet.Builder().claim("st", state).claim("nn", nonce).claim("pk", codeVerifier)
                .claim("pv", routeId).claim("ap", appId).claim("pr", process.name()).claim("nx", next)
                .claim("us", userId).claim("is", issuer == null ? null : issuer.issuer())
                .claim("ir", issuer != null && issuer.alwaysSent()).build();
    }

    private static LoginTransaction fromClaims(JWTClaimsSet c) throws Seal.Broken {
        try {
            String state = c.getStringClaim("st");
            String nonce = c.getStringClaim("nn");
            String route = c.getStringClaim("pv");
            String app = c.getStringClaim("ap");
            String process = c.getStringClaim("pr");
            if (state == null || nonce == null || route == null || app == null || process == null || c.getIssueTime() == null) {
                throw new Seal.Broken("incomplete transaction");
            }
            String issuer = c.getStringClaim("is");
            return new LoginTransaction(state, nonce, c.getStringClaim("pk"), route, app, AuthProcess.valueOf(process),
                    c.getStringClaim("nx"), c.getStringClaim("us"), c.getIssueTime().toInstant(),
                    issuer == null ? null : new IssuerIdentification(issuer, Boolean.TRUE.equals(c.getBooleanClaim("ir"))));
        } catch (ParseException | IllegalArgumentException e) {
            throw new Seal.Broken("malformed transaction");
        }
    }

    @Override
    public String toString() {
        return "LoginTransaction[routeId=" + routeId + ", appId=" + appId + ", process=" + process + ", next=" + next
                + ", issuedAt=" + issuedAt + "]";
    }
}
