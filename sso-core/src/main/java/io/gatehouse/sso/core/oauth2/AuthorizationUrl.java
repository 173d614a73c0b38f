package io.gatehouse.sso.core.oauth2;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.gatehouse.sso.core.provider.AuthParams;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The URL a login sends the browser to, built by Nimbus: response type {@code code}, the client id, the
 * callback, the scopes, the state, the PKCE S256 challenge when the app uses PKCE, the app's
 * {@link AuthParams AUTH_PARAMS} and the provider's own parameters; for OpenID Connect also the
 * {@code openid} scope and the nonce.
 *
 * <pre>{@code
 * URI redirect = AuthorizationUrl.oauth2(endpoints.authorization(), context, params, List.of("read:user"), Map.of());
 * }</pre>
 */
public final class AuthorizationUrl {
    private AuthorizationUrl() {
    }

    /**
     * An OAuth 2.0 authorization request (RFC 6749 4.1.1, RFC 7636 4.3).
     *
     * @param endpoint the IdP's authorization endpoint
     * @param context the app, its settings and callback URI
     * @param params the state, nonce and PKCE verifier of this login
     * @param scopes the scopes to ask for
     * @param providerParams provider-specific parameters, added after {@code AUTH_PARAMS}
     * @return the URL to send the browser to
     * @throws ProviderException {@link io.gatehouse.sso.core.FailureCode#APP_NOT_CONFIGURED} for bad {@code
     *     AUTH_PARAMS}
     */
    public static URI oauth2(URI endpoint, ProviderContext context, AuthorizationParams params, List<String> scopes,
                             Map<String, String> providerParams) throws ProviderException {
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(ResponseType.CODE, clientId(context))
                .endpointURI(endpoint)
                .redirectionURI(context.callbackUri())
                .scope(new Scope(scopes.toArray(String[]::new)))
                .state(new State(params.state()));
        addPkceAndExtras(context, params, providerParams, builder::codeChallenge, builder::customParameter);
        return builder.build().toURI();
    }

    /**
     * An OpenID Connect authentication request (OIDC Core 3.1.2.1): {@code openid} added to the scopes, and the nonce.
     *
     * @param endpoint the IdP's authorization endpoint
     * @param context the app, its settings and callback URI
     * @param params the state, nonce and PKCE verifier of this login
     * @param scopes the scopes to ask for
     * @param providerParams provider-specific parameters, added after {@code AUTH_PARAMS}
     * @return the URL to send the browser to
     * @throws ProviderException {@link io.gatehouse.sso.core.FailureCode#APP_NOT_CONFIGURED} for bad {@code
     *     AUTH_PARAMS}
     */
    public static URI openIdConnect(URI endpoint, ProviderContext context, AuthorizationParams params, List<String> scopes,
                                    Map<String, String> providerParams) throws ProviderException {
        Set<String> all = new LinkedHashSet<>();
        all.add("openid");
        all.addAll(scopes);
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(all.toArray(String[]::new)), clientId(context), context.callbackUri())
                .endpointURI(endpoint)
                .state(new State(params.state()))
                .nonce(new Nonce(params.nonce()));
        addPkceAndExtras(context, params, providerParams, builder::codeChallenge, builder::customParameter);
        return builder.build().toURI();
    }

    private static ClientID clientId(ProviderContext context) {
        return new ClientID(context.app().clientId());
    }

    /** The two request builders share no type, so the shared steps take their methods. */
    private static void addPkceAndExtras(ProviderContext context, AuthorizationParams params, Map<String, String> providerParams,
                                         BiConsumer<CodeVerifier, CodeChallengeMethod> challenge,
                                         BiConsumer<String, String> parameter) throws ProviderException {
        if (params.codeVerifier() != null) {
            challenge.accept(new CodeVerifier(params.codeVerifier()), CodeChallengeMethod.S256);
        }
        Map<String, String> extra = AuthParams.of(context);
        extra.putAll(providerParams);
        extra.forEach(parameter);
    }
}
