package io.gatehouse.sso.benchmarks;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
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

import java.util.Map;

/**
 * The {@code openid_connect} provider with one difference: the token endpoint's answer is replayed from
 * memory instead of fetched over HTTP. Everything else is the engine's real path: discovery from the shared
 * cache, the token request built (client authentication, code, PKCE verifier) but not sent, the token response
 * read by the engine's {@link io.gatehouse.sso.core.oauth2.TokenEndpointClient#read} and the ID token verified by
 * {@link io.gatehouse.sso.core.oidc.IdTokenVerifier} with the engine's own shared, warm JWKS cache (through
 * {@link OidcProviderBackend#verified}); then the same claim merge, uid and profile mapping as
 * {@link OidcProviderBackend#exchange}. With it, {@code LoginEngine.completeLogin} measures the callback's
 * CPU cost without a network round trip, which is what no main-code hook allows.
 *
 * <p>It mirrors {@code TokenEndpointClient.exchangeCode} and {@code OidcProviderBackend.exchange} as of this commit;
 * {@code BenchmarkSetupTest} checks that it signs in the same user the real backend does.
 *
 * <pre>{@code
 * LoginEngine engine = fixture.engine(config, new OfflineTokenEndpointBackend(LoopbackIdp.tokenResponse(token)));
 * }</pre>
 */
public final class OfflineTokenEndpointBackend extends OidcProviderBackend {
    private volatile String tokenResponse;

    public OfflineTokenEndpointBackend(String tokenResponse) {
        super("openid_connect", "OpenID Connect (token endpoint replayed from memory)");
        this.tokenResponse = tokenResponse;
    }

    /** Replays this answer from now on (e.g. a token signed by a rotated key). */
    public void answerWith(String newTokenResponse) {
        this.tokenResponse = newTokenResponse;
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

        // TokenEndpointClient.exchangeCode: the request is built exactly as for the network, then not sent
        HTTPRequest request = new TokenRequest.Builder(md.getTokenEndpointURI(),
                TokenEndpointAuth.of(context, md.getTokenEndpointAuthMethods()),
                new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()), context.callbackUri(),
                        exchange.codeVerifier() == null ? null : new CodeVerifier(exchange.codeVerifier())))
                .build().toHTTPRequest();
        if (request.getBody() == null || request.getAuthorization() == null) {
            throw new IllegalStateException("token request not built");
        }
        HTTPResponse response = new HTTPResponse(200);
        response.setEntityContentType(ContentType.APPLICATION_JSON);
        response.setBody(tokenResponse);
        IssuedTokens issued = context.clients().tokens().read(response, md.getTokenEndpointURI(), context);
        OidcTokens validated = verified(context, md, issued, exchange.nonce());

        // OidcProviderBackend.exchange, with fetch_userinfo off
        Map<String, Object> claims = validated.idTokenClaims();
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
