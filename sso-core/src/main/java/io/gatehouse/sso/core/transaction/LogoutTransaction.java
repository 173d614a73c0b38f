package io.gatehouse.sso.core.transaction;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.SafeNext;

import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;

/**
 * A sign-out in progress at the IdP, sealed into a cookie between the redirect to the IdP's
 * {@code end_session_endpoint} and its redirect back: the state the answer must carry, and where to go then.
 *
 * <pre>{@code
 * LogoutTransaction tx = new LogoutTransaction(state, "/", "keycloak");
 * String sealed = tx.sealWith(seal, Duration.ofMinutes(10));
 * }</pre>
 *
 * @param state   the state sent to the IdP
 * @param next    the safe path to go to afterwards
 * @param routeId the provider route the session came from
 */
public record LogoutTransaction(String state, String next, String routeId) {
    /** The cookie's name: one sign-out at a time per browser (a new one replaces the last). */
    public static final String COOKIE = "gatehouse_logout";
    private static final String PURPOSE = "logout-transaction";

    public LogoutTransaction {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(routeId, "routeId");
        next = SafeNext.of(next);
    }

    /** This transaction sealed for a cookie that lives {@code ttl}. */
    public String sealWith(Seal seal, Duration ttl) {
        return seal.seal(PURPOSE, new JWTClaimsSet.Builder().claim("st", state).claim("nx", next).claim("pv", routeId).build(), ttl);
    }

    /** Opens a transaction sealed by {@link #sealWith}. */
    public static LogoutTransaction openWith(Seal seal, String sealed) throws Seal.Broken, Seal.Expired {
        JWTClaimsSet c = seal.open(PURPOSE, sealed);
        try {
            String state = c.getStringClaim("st");
            String route = c.getStringClaim("pv");
            if (state == null || route == null) {
                throw new Seal.Broken("incomplete logout transaction");
            }
            return new LogoutTransaction(state, c.getStringClaim("nx"), route);
        } catch (ParseException e) {
            throw new Seal.Broken("malformed logout transaction");
        }
    }

    @Override
    public String toString() {
        return "LogoutTransaction[routeId=" + routeId + ", next=" + next + "]";
    }
}
