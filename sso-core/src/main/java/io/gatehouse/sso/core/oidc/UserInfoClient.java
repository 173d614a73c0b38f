package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.http.IdpHttpClient;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The userinfo endpoint (OpenID Connect Core 1.0 section 5.3): the access token as a bearer header, the
 * answer's {@code sub} checked against the ID token's (5.3.2: otherwise the answer may describe someone else).
 * A signed answer ({@code application/jwt}) is verified against the IdP's keys from the shared
 * {@link JwksCache}; with {@code userinfo_signed: true} an unsigned answer is refused.
 *
 * <pre>{@code
 * Map<String, Object> claims = userInfo.fetch(metadata, tokens.accessToken(), subject, context.settings());
 * }</pre>
 */
public final class UserInfoClient {
    private final IdpHttpClient http;
    private final JwksCache keys;

    /**
     * A client over the shared HTTP client; signed UserInfo answers are checked with the cached keys.
     *
     * @param http the HTTP client
     * @param keys the IdPs' signing keys
     */
    public UserInfoClient(IdpHttpClient http, JwksCache keys) {
        this.http = http;
        this.keys = keys;
    }

    /**
     * The user's claims.
     *
     * @param expectedSubject the verified ID token's {@code sub}
     * @param md the IdP's metadata ({@code userinfo_endpoint})
     * @param accessToken the access token of this login
     * @param settings the app's settings
     * @throws ProviderException {@link FailureCode#USERINFO_SUBJECT_MISMATCH} for another subject, or the failure of the call
     * @return the claims
     */
    public Map<String, Object> fetch(OIDCProviderMetadata md, AccessToken accessToken, String expectedSubject,
                                     ProviderSettings settings) throws ProviderException {
        if (md.getUserInfoEndpointURI() == null) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED,
                    "fetch_userinfo is on but the IdP's discovery document has no userinfo_endpoint");
        }
        HTTPRequest request = new UserInfoRequest(md.getUserInfoEndpointURI(),
                accessToken instanceof BearerAccessToken b ? b : new BearerAccessToken(accessToken.getValue())).toHTTPRequest();
        HTTPResponse response = http.send(request, "userinfo endpoint");
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo endpoint answered HTTP "
                    + response.getStatusCode());
        }
        Map<String, Object> claims;
        String type = String.valueOf(response.getHeaderValue("Content-Type")).toLowerCase(Locale.ROOT);
        if (type.startsWith("application/jwt")) {
            claims = verifiedJwt(md, response.getBody());
        } else if (settings.bool("userinfo_signed", false)) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID,
                    "userinfo_signed is on but the userinfo endpoint answered unsigned " + type);
        } else {
            try {
                claims = new LinkedHashMap<>(response.getBodyAsJSONObject());
            } catch (ParseException e) {
                throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo answer is not JSON", e);
            }
        }
        Object sub = claims.get("sub");
        if (sub == null || !sub.toString().equals(expectedSubject)) {
            throw new ProviderException(FailureCode.USERINFO_SUBJECT_MISMATCH, "userinfo sub '" + sub
                    + "' differs from the ID token's sub '" + expectedSubject + "'");
        }
        return claims;
    }

    private Map<String, Object> verifiedJwt(OIDCProviderMetadata md, String body) throws ProviderException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(body == null ? "" : body.trim());
        } catch (java.text.ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo answer is not a JWT", e);
        }
        if (!(jwt instanceof SignedJWT)) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The userinfo JWT is not signed");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys.keySelector(md.getJWKSetURI(), IdTokenVerifier.allowedAlgorithms(md)));
        // a signed userinfo answer has no required typ (OIDC Core 5.3.2)
        processor.setJWSTypeVerifier((type, context) -> { });
        try {
            return new LinkedHashMap<>(processor.process(jwt, null).getClaims());
        } catch (KeySourceException e) {
            throw JwksCache.failure(e, "userinfo JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw new ProviderException(FailureCode.ID_TOKEN_SIGNATURE_INVALID, "The userinfo JWT was rejected: "
                    + e.getMessage(), e);
        }
    }
}
