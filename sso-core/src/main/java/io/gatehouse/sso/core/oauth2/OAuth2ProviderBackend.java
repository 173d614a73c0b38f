package io.gatehouse.sso.core.oauth2;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.BaseProviderBackend;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.spi.SocialToken;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of every plain OAuth 2.0 provider (no ID token; the profile comes from the provider's API,
 * like GitHub): the authorization URL with state, PKCE S256 and {@code AUTH_PARAMS}, and the code exchanged
 * at the token endpoint through the shared {@link TokenEndpointClient}. A subclass says where the endpoints
 * are and how to read the profile with the access token.
 *
 * <pre>{@code
 * public final class GiteaBackend extends OAuth2ProviderBackend {
 *     public GiteaBackend() { super("gitea", "Gitea", "GITEA_URL"); }
 *     protected OAuth2Endpoints endpoints(ProviderContext ctx) { ... }
 *     protected List<String> defaultScopes() { return List.of("read:user"); }
 *     protected ProviderProfile profile(ProviderContext ctx, IssuedTokens tokens) throws ProviderException { ... }
 * }
 * }</pre>
 */
public abstract class OAuth2ProviderBackend extends BaseProviderBackend {
    /** Settings every OAuth 2.0 provider understands beyond {@link io.gatehouse.sso.core.provider.ProviderBackend#COMMON_SETTINGS}. */
    protected static final Set<String> OAUTH2_SETTINGS = Set.of("token_auth_method");

    protected OAuth2ProviderBackend(String id, String displayName, String... settingKeys) {
        super(id, displayName, OAUTH2_SETTINGS, settingKeys);
    }

    /** The app's endpoints; a bad URL setting is {@link io.gatehouse.sso.core.FailureCode#APP_NOT_CONFIGURED}. */
    protected abstract OAuth2Endpoints endpoints(ProviderContext context) throws ProviderException;

    /** Scopes when the settings name none. */
    protected abstract List<String> defaultScopes();

    /** The user's profile, read with the access token (and checked: a refusal is {@code access_restricted}). */
    protected abstract ProviderProfile profile(ProviderContext context, IssuedTokens tokens) throws ProviderException;

    /** The scopes to ask for: {@code SCOPE} when set, else {@link #defaultScopes()}. */
    protected List<String> scopes(ProviderContext context) {
        return context.settings().scopesOr(defaultScopes());
    }

    /** Provider-specific authorization parameters added after {@code AUTH_PARAMS}. */
    protected Map<String, String> extraAuthorizationParams(ProviderContext context) throws ProviderException {
        return Map.of();
    }

    /** The client authentication methods the token endpoint takes, as discovery would advertise them. */
    protected List<ClientAuthenticationMethod> tokenEndpointAuthMethods() {
        return List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        super.checkSettings(context);
        endpoints(context);
    }

    @Override
    public URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException {
        return AuthorizationUrl.oauth2(endpoints(context).authorization(), context, params, scopes(context),
                extraAuthorizationParams(context));
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        checkSettings(context);
        IssuedTokens tokens = context.clients().tokens().exchangeCode(endpoints(context).token(),
                TokenEndpointAuth.of(context, tokenEndpointAuthMethods()), context, exchange);
        return new ProviderResult(profile(context, tokens), tokens.stored());
    }

    /** The token endpoint a login exchanges its code at, for diagnostics. */
    public final URI tokenEndpoint(ProviderContext context) throws ProviderException {
        return endpoints(context).token();
    }

    /** How a login authenticates the client at the token endpoint, for diagnostics. */
    public final ClientAuthentication clientAuthentication(ProviderContext context) throws ProviderException {
        return TokenEndpointAuth.of(context, tokenEndpointAuthMethods());
    }

    /** The refresh token grant at the same token endpoint (GitHub Apps with expiring user tokens use it). */
    @Override
    public SocialToken refresh(ProviderContext context, String refreshToken) throws ProviderException {
        checkSettings(context);
        return context.clients().tokens().refresh(endpoints(context).token(),
                TokenEndpointAuth.of(context, tokenEndpointAuthMethods()), context, refreshToken, List.of()).stored();
    }
}
