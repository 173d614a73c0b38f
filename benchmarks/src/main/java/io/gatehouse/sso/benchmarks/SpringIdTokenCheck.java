package io.gatehouse.sso.benchmarks;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Spring Security 7's ID token check, used the way its authorization-code login provider
 * ({@code OidcAuthorizationCodeAuthenticationProvider.createOidcToken} and {@code validateNonce}) uses it:
 * the decoder from {@link OidcIdTokenDecoderFactory} (a {@code NimbusJwtDecoder} over the registration's
 * {@code jwk-set-uri}, with the factory's default {@code OidcIdTokenValidator}), looked up per login, then the
 * {@link OidcIdToken}, then the nonce compared with the SHA-256 hash of the nonce kept in the authorization
 * request. Token response handling, user info and authorities are not included.
 *
 * <p>In Spring Security 7.1.2 the factory no longer caches decoders: every {@code createDecoder} call builds a new
 * {@code NimbusJwtDecoder} with an empty JWKS cache, so every login downloads the JWKS. {@link #perLogin} measures
 * exactly that; {@link #decoderReused} keeps the first decoder (what an application gets by caching the factory's
 * decoders itself), which isolates the CPU cost of the check.
 *
 * <pre>{@code
 * SpringIdTokenCheck spring = SpringIdTokenCheck.perLogin(idp.jwksUri(), idp.tokenUri());
 * OidcIdToken token = spring.check(SampleIdToken.VALUE, SampleIdToken.RAW_NONCE);
 * }</pre>
 */
public final class SpringIdTokenCheck {
    private final ClientRegistration registration;
    private final OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
    private final JwtDecoder reused;

    /** As the provider does it: a decoder from the factory for each login. */
    public static SpringIdTokenCheck perLogin(String jwksUri, String tokenUri) {
        return new SpringIdTokenCheck(jwksUri, tokenUri, false);
    }

    /** One decoder from the factory, kept for every login (its JWKS cache stays warm). */
    public static SpringIdTokenCheck decoderReused(String jwksUri, String tokenUri) {
        return new SpringIdTokenCheck(jwksUri, tokenUri, true);
    }

    private SpringIdTokenCheck(String jwksUri, String tokenUri, boolean reuseDecoder) {
        this.registration = ClientRegistration.withRegistrationId("bench")
                .clientId(SampleIdToken.CLIENT_ID)
                .clientSecret(SampleIdToken.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost:8000/login/oauth2/code/bench")
                .scope("openid", "email", "profile")
                .authorizationUri("https://idp.gatehouse.test/authorize")
                .tokenUri(tokenUri)
                .jwkSetUri(jwksUri)
                .issuerUri(SampleIdToken.ISSUER)
                .userNameAttributeName("sub")
                .build();
        this.reused = reuseDecoder ? decoders.createDecoder(registration) : null;
    }

    /**
     * Decodes and validates the token and checks its nonce against {@code rawNonce}.
     *
     * @throws org.springframework.security.oauth2.jwt.JwtException when the decoder or validator refuse it
     * @throws IllegalStateException when the nonce does not match
     */
    public OidcIdToken check(String idToken, String rawNonce) {
        JwtDecoder decoder = reused != null ? reused : decoders.createDecoder(registration);
        Jwt jwt = decoder.decode(idToken);
        OidcIdToken token = new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
        String nonceHash = SampleIdToken.sha256Base64Url(rawNonce);
        if (token.getNonce() == null || !token.getNonce().equals(nonceHash)) {
            throw new IllegalStateException("invalid_nonce");
        }
        return token;
    }
}
