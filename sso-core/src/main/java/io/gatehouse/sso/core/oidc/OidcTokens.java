package io.gatehouse.sso.core.oidc;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.sso.spi.SocialToken;

import java.util.Map;

/**
 * A validated token response.
 *
 * @param subject        the ID token's {@code sub}
 * @param idTokenClaims  every claim of the validated ID token
 * @param accessToken    the access token, for userinfo or provider APIs
 * @param token          what to store
 */
public record OidcTokens(String subject, Map<String, Object> idTokenClaims, AccessToken accessToken, SocialToken token) {

    @Override
    public String toString() {
        return "OidcTokens[subject=" + subject + ", claims=" + idTokenClaims.keySet() + "]";
    }
}
