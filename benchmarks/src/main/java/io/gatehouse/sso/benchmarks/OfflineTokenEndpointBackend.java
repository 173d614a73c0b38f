package io.gatehouse.sso.benchmarks;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.oidc.OidcTokens;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code openid_connect} provider with one difference: the token endpoint's answer is replayed from
 * memory instead of fetched over HTTP. Everything else is the engine's real path: discovery from the shared
 * cache, the token request built (client authentication, code, PKCE verifier) but not sent, the token response
 * parsed by Nimbus, and {@link io.gatehouse.sso.core.oidc.OpenIdConnect#validateIdToken} with the engine's own
 * shared, warm JWKS source; then the same claim merge, uid and profile mapping as
 * {@link OidcProviderBackend#exchange}. With it, {@code LoginEngine.completeLogin} measures the callback's
 * CPU cost without a network round trip, which is what no main-code hook allows.
 *
 * <p>It mirrors {@code OpenIdConnect.exchange} and {@code OidcProviderBackend.exchange} as of this commit;
 * {@code BenchmarkSetupTest} checks that it signs in the same user the real backend does.
 *
 * <pre>{@code
 * LoginEngine engine = fixture.engine(config, new OfflineTokenEndpointBackend(LoopbackIdp.tokenResponse(token)));
 * }</pre>
 */
public final class OfflineTokenEndpointBackend extends OidcProviderBackend {
    private volatile String tokenResponse;

    public OfflineTokenEndpointBackend(String tokenResponse) {
        this.tokenResponse = tokenResponse;
    }

    /** Replays this answer from now on (e.g. a token signed by a rotated key). */
    public void answerWith(String newTokenResponse) {
        this.tokenResponse = newTokenResponse;
    }

    @Override
    public String id() {
        return "openid_connect";
    }

    @Override
    public String displayName() {
        return "OpenID Connect (token endpoint replayed from memory)";
    }

    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        return context.settings().string("server_url").orElseThrow(() -> new ProviderException(
                FailureCode.APP_NOT_CONFIGURED, "server_url is required"));
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        checkSettings(context);
        OIDCProviderMetadata md = metadata(context);

        // OpenIdConnect.exchange: the request is built exactly as for the network, then not sent
        HTTPRequest request = new TokenRequest.Builder(md.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(context.app().clientId()), new Secret(context.app().secret())),
                new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()), context.callbackUri(),
                        exchange.codeVerifier() == null ? null : new CodeVerifier(exchange.codeVerifier())))
                .build().toHTTPRequest();
        if (request.getBody() == null || request.getAuthorization() == null) {
            throw new IllegalStateException("token request not built");
        }
        HTTPResponse response = new HTTPResponse(200);
        response.setEntityContentType(ContentType.APPLICATION_JSON);
        response.setBody(tokenResponse);
        OIDCTokens tokens;
        try {
            TokenResponse parsed = OIDCTokenResponseParser.parse(response);
            tokens = ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens();
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "replayed token response is invalid", e);
        }
        IDTokenClaimsSet idClaims = context.oidc().validateIdToken(md, context.app().clientId(), tokens.getIDToken(),
                exchange.nonce(), issuerRule(context, md));
        OidcTokens validated = new OidcTokens(idClaims.getSubject().getValue(), new LinkedHashMap<>(idClaims.toJSONObject()),
                tokens.getAccessToken(), context.oidc().socialToken(tokens.getAccessToken(), tokens.getRefreshToken()));

        // OidcProviderBackend.exchange, with fetch_userinfo off
        Map<String, Object> claims = new LinkedHashMap<>(validated.idTokenClaims());
        if (context.settings().bool("fetch_userinfo", fetchUserInfoByDefault())) {
            throw new IllegalStateException("the offline backend makes no userinfo call: set fetch_userinfo to false");
        }
        String uidField = context.settings().string("uid_field").orElse("sub");
        Object uid = claims.get(uidField);
        if (uid == null || uid.toString().isBlank()) {
            throw new ProviderException(FailureCode.PROFILE_INVALID, "no " + uidField);
        }
        return new ProviderResult(profile(context, uid.toString(), claims, validated), validated.token());
    }
}
