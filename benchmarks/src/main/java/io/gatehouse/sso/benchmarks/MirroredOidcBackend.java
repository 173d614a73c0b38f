package io.gatehouse.sso.benchmarks;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oauth2.IssuedTokens;
import io.gatehouse.sso.core.oauth2.TokenEndpointAuth;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.oidc.OidcTokens;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code openid_connect} provider with its two per-login calls, to the token endpoint and (with
 * {@code fetch_userinfo}) to the userinfo endpoint, made by {@link #send} instead of the engine's HTTP client.
 * Everything else is the engine's real path: discovery from the shared cache, the token request built as
 * {@code TokenEndpointClient.exchangeCode} builds it (client authentication, code, PKCE verifier), the answer read
 * by the engine's {@link io.gatehouse.sso.core.oauth2.TokenEndpointClient#read}, the ID token verified through
 * {@link OidcProviderBackend#verified} with the engine's warm JWKS cache, and the claim merge, uid and profile of
 * {@link OidcProviderBackend#exchange}; the userinfo answer is read as {@code UserInfoClient} reads a plain JSON one
 * (its {@code sub} must be the ID token's).
 *
 * <p>It mirrors {@code OidcProviderBackend.exchange}, {@code TokenEndpointClient.exchangeCode} and
 * {@code UserInfoClient.fetch} as of this commit; {@code BenchmarkSetupTest} checks that each subclass signs in the
 * same user the real backend does.
 */
abstract class MirroredOidcBackend extends OidcProviderBackend {

    MirroredOidcBackend(String displayName) {
        super("openid_connect", displayName);
    }

    /** Makes one of the login's calls to the IdP. */
    abstract HTTPResponse send(HTTPRequest request) throws ProviderException;

    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        return context.settings().string("server_url").orElseThrow(() -> new ProviderException(
                FailureCode.APP_NOT_CONFIGURED, "server_url is required"));
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        checkSettings(context);
        OIDCProviderMetadata md = metadata(context);
        HTTPRequest request = new TokenRequest.Builder(md.getTokenEndpointURI(),
                TokenEndpointAuth.of(context, md.getTokenEndpointAuthMethods()),
                new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()), context.callbackUri(),
                        exchange.codeVerifier() == null ? null : new CodeVerifier(exchange.codeVerifier())))
                .build().toHTTPRequest();
        request.setAccept("application/json");
        IssuedTokens issued = context.clients().tokens().read(send(request), md.getTokenEndpointURI(), context);
        OidcTokens validated = verified(context, md, issued, exchange.nonce());

        Map<String, Object> claims = validated.idTokenClaims();
        if (context.settings().bool("fetch_userinfo", fetchUserInfoByDefault()) && md.getUserInfoEndpointURI() != null) {
            claims = new LinkedHashMap<>(claims);
            claims.putAll(userInfo(md, validated));
        }
        String uidField = context.settings().string("uid_field").orElse("sub");
        Object uid = claims.get(uidField);
        if (uid == null || uid.toString().isBlank()) {
            throw new ProviderException(FailureCode.PROFILE_INVALID, "no " + uidField);
        }
        return new ProviderResult(profile(context, uid.toString(), claims, validated), validated.token());
    }

    private Map<String, Object> userInfo(OIDCProviderMetadata md, OidcTokens tokens) throws ProviderException {
        HTTPResponse response = send(new UserInfoRequest(md.getUserInfoEndpointURI(),
                new BearerAccessToken(tokens.accessToken().getValue())).toHTTPRequest());
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "userinfo answered HTTP " + response.getStatusCode());
        }
        Map<String, Object> claims;
        try {
            claims = new LinkedHashMap<>(response.getBodyAsJSONObject());
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The userinfo answer is not JSON", e);
        }
        if (!tokens.subject().equals(String.valueOf(claims.get("sub")))) {
            throw new ProviderException(FailureCode.USERINFO_SUBJECT_MISMATCH, "userinfo describes another subject");
        }
        return claims;
    }
}
