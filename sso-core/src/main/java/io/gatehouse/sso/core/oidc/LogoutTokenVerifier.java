package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.VerifiedLogout;

import java.text.ParseException;
import java.time.Clock;
import java.util.Set;

/**
 * Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 section 2.6) the way
 * {@link IdTokenVerifier} verifies ID tokens, with the same key cache: signed (steps 1 to 3: never encrypted-only,
 * never {@code none}, an asymmetric algorithm the IdP advertises for ID tokens, a key from its JWKS), typed
 * {@code logout+jwt} when typed at all, then the claims by {@link LogoutTokenClaimsCheck}. Step 8, the replay of a
 * {@code jti}, is checked by the engine with the shared single-use store.
 *
 * <pre>{@code
 * VerifiedLogout logout = verifier.verify(metadata, app.clientId(), logoutToken, issuerRule);
 * }</pre>
 */
public final class LogoutTokenVerifier {
    /** Section 2.4 recommends explicit typing; IdPs that predate it send {@code JWT} or no {@code typ}. */
    private static final JOSEObjectTypeVerifier<SecurityContext> LOGOUT_TOKEN_TYPE =
            new DefaultJOSEObjectTypeVerifier<>(LogoutTokenValidator.TYPE, JOSEObjectType.JWT, null);

    private final JwksCache keys;
    private final Clock clock;

    public LogoutTokenVerifier(JwksCache keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The verified logout.
     *
     * @throws ProviderException with the {@code LOGOUT_TOKEN_*} failure code of the failed step
     */
    public VerifiedLogout verify(OIDCProviderMetadata md, String clientId, String logoutToken, IssuerRule issuerRule)
            throws ProviderException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(logoutToken);
        } catch (ParseException | RuntimeException e) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_INVALID, "The logout token is not a JWT");
        }
        // steps 1 and 3: no ID token encryption is registered, and alg none is never allowed
        if (!(jwt instanceof SignedJWT signed)) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID, "The logout token is not signed (alg "
                    + jwt.getHeader().getAlgorithm() + ")");
        }
        // step 3: the algorithm as for ID tokens
        Set<JWSAlgorithm> algorithms = IdTokenVerifier.allowedAlgorithms(md);
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID, "The logout token is signed with " + alg
                    + ", which is not allowed; allowed: " + algorithms);
        }
        Issuer issuer = issuerRule.expectedFor(IdTokenVerifier.unverifiedClaims(signed, FailureCode.LOGOUT_TOKEN_INVALID,
                "logout token"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(LogoutTokenVerifier::checkType);
        // step 2: the signature, with a key the IdP publishes
        processor.setJWSKeySelector(keys.keySelector(md.getJWKSetURI(), algorithms));
        processor.setJWTClaimsSetVerifier(new LogoutTokenClaimsCheck(issuer, clientId, clock.instant(), IdTokenVerifier.MAX_CLOCK_SKEW));
        try {
            return verified(processor.process(signed, null));
        } catch (RejectedToken e) {
            throw new ProviderException(e.code(), "Logout token rejected: " + e.getMessage(), e);
        } catch (BadJWSException e) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID, "Logout token rejected: its signature "
                    + "does not verify with the key(s) the IdP publishes", e);
        } catch (BadJOSEException e) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_INVALID, "Logout token rejected: " + e.getMessage(), e);
        } catch (KeySourceException e) {
            throw JwksCache.failure(e, "logout token", FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
        } catch (JOSEException e) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID, "Logout token rejected: its signature "
                    + "cannot be checked: " + e.getMessage(), e);
        }
    }

    private static VerifiedLogout verified(JWTClaimsSet claims) throws ProviderException {
        try {
            LogoutTokenClaimsSet logout = new LogoutTokenClaimsSet(claims);
            return new VerifiedLogout(logout.getIssuer().getValue(),
                    logout.getSubject() == null ? null : logout.getSubject().getValue(),
                    logout.getSessionID() == null ? null : logout.getSessionID().getValue(),
                    logout.getJWTID().getValue(), logout.getExpirationTime().toInstant());
        } catch (com.nimbusds.oauth2.sdk.ParseException | RuntimeException e) {
            throw new ProviderException(FailureCode.LOGOUT_TOKEN_INVALID, "Logout token rejected: " + e.getMessage(), e);
        }
    }

    private static void checkType(JOSEObjectType type, SecurityContext context) throws RejectedToken {
        try {
            LOGOUT_TOKEN_TYPE.verify(type, context);
        } catch (BadJOSEException e) {
            throw new RejectedToken(FailureCode.LOGOUT_TOKEN_INVALID, "typ", "its type (typ header) is '" + type
                    + "', not a logout token's");
        }
    }
}
