package io.gatehouse.sso.core.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.gatehouse.sso.core.provider.ProviderException;

/**
 * Which issuer an ID token must carry. Most IdPs have one fixed issuer; Microsoft's multi-tenant
 * endpoints issue per tenant, so the rule reads the (not yet verified) token to name the one issuer
 * it will then be verified against; signature verification still follows, so a forged claim gains nothing.
 *
 * <pre>{@code
 * IssuerRule rule = IssuerRule.exactly("https://sso.example.com/realms/main");
 * }</pre>
 */
@FunctionalInterface
public interface IssuerRule {

    /**
     * The issuer to require of this token.
     *
     * @param unverifiedClaims the token's claims before verification (a multi-tenant IdP's issuer depends on them)
     * @return the issuer
     * @throws ProviderException when the claims name an issuer this app does not accept
     */
    Issuer expectedFor(JWTClaimsSet unverifiedClaims) throws ProviderException;

    /**
     * The rule of an IdP with one issuer.
     *
     * @param issuer the issuer every token must carry
     * @return the rule
     */
    static IssuerRule exactly(String issuer) {
        Issuer fixed = new Issuer(issuer);
        return claims -> fixed;
    }
}
