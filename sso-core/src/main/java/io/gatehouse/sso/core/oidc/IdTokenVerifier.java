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
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies an ID token (OpenID Connect Core 1.0 section 3.1.3.7) with Nimbus's JWT processor: signed, with an
 * asymmetric algorithm the IdP advertises, by a key the IdP publishes (through the shared {@link JwksCache});
 * then the claims, by {@link IdTokenClaimsCheck}, against the engine's clock. The failure code comes from the
 * step that failed: this class's own checks, the typed {@link RejectedToken} of a claim check, the JWS
 * signature check, or the key source's typed exceptions.
 *
 * <pre>{@code
 * JWTClaimsSet claims = verifier.verify(metadata, app.clientId(), tokens.idToken(), exchange.nonce(), issuerRule);
 * }</pre>
 */
public final class IdTokenVerifier {
    /** Asymmetric algorithms only: never {@code none}, never HMAC (which would let a public key act as a shared secret). */
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    /** An ID token's {@code typ} is {@code JWT} or absent (RFC 7519 5.1); anything else is another kind of token. */
    private static final JOSEObjectTypeVerifier<SecurityContext> ID_TOKEN_TYPE =
            new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null);

    private final JwksCache keys;
    private final Clock clock;

    public IdTokenVerifier(JwksCache keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The verified claims.
     *
     * @param nonce the nonce this login sent
     * @throws ProviderException with the failure code of the failed step
     */
    public JWTClaimsSet verify(OIDCProviderMetadata md, String clientId, JWT idToken, String nonce, IssuerRule issuerRule)
            throws ProviderException {
        // steps 6 and 7: Gatehouse registers for signed ID tokens only, so unsigned and encrypted ones are refused
        if (!(idToken instanceof SignedJWT signed)) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The ID token is not signed (alg "
                    + idToken.getHeader().getAlgorithm() + "); unsigned and encrypted-only ID tokens are refused");
        }
        Set<JWSAlgorithm> algorithms = allowedAlgorithms(md);
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The ID token is signed with " + alg
                    + ", which is not allowed; allowed: " + algorithms);
        }
        Issuer issuer = issuerRule.expectedFor(unverifiedClaims(signed, FailureCode.ID_TOKEN_INVALID, "ID token"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(IdTokenVerifier::checkType);
        processor.setJWSKeySelector(keys.keySelector(md.getJWKSetURI(), algorithms));
        processor.setJWTClaimsSetVerifier(new IdTokenClaimsCheck(issuer, clientId, nonce, clock.instant(), MAX_CLOCK_SKEW));
        try {
            return processor.process(signed, null);
        } catch (RejectedToken e) {
            throw new ProviderException(e.code(), "ID token rejected: " + e.getMessage(), e);
        } catch (BadJWSException e) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "ID token rejected: its signature does "
                    + "not verify with the key(s) the IdP publishes", e);
        } catch (BadJOSEException e) {
            throw new ProviderException(FailureCode.ID_TOKEN_INVALID, "ID token rejected: " + e.getMessage(), e);
        } catch (KeySourceException e) {
            throw JwksCache.failure(e, "ID token");
        } catch (JOSEException e) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "ID token rejected: its signature cannot "
                    + "be checked: " + e.getMessage(), e);
        }
    }

    private static void checkType(JOSEObjectType type, SecurityContext context) throws RejectedToken {
        try {
            ID_TOKEN_TYPE.verify(type, context);
        } catch (BadJOSEException e) {
            throw new RejectedToken(FailureCode.ID_TOKEN_INVALID, "typ", "its type (typ header) is '" + type
                    + "', not an ID token's");
        }
    }

    /**
     * Read before verification only to choose the issuer to verify against (Microsoft's per-tenant issuers).
     *
     * @param invalid the failure code of claims that are no JSON object
     * @param token   what it is, e.g. "ID token"
     */
    static JWTClaimsSet unverifiedClaims(SignedJWT signed, FailureCode invalid, String token) throws ProviderException {
        try {
            return signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new ProviderException(invalid, "The " + token + "'s claims are not valid JSON", e);
        }
    }

    /** The IdP's advertised ID token algorithms that are asymmetric; RS256 when it advertises none (OIDC Discovery 3). */
    static Set<JWSAlgorithm> allowedAlgorithms(OIDCProviderMetadata md) {
        List<JWSAlgorithm> advertised = md.getIDTokenJWSAlgs();
        Set<JWSAlgorithm> allowed = new HashSet<>();
        if (advertised == null || advertised.isEmpty()) {
            allowed.add(JWSAlgorithm.RS256);
        } else {
            advertised.stream().filter(ASYMMETRIC::contains).forEach(allowed::add);
        }
        return allowed;
    }
}
