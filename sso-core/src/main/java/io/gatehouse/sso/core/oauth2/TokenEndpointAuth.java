package io.gatehouse.sso.core.oauth2;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.util.List;
import java.util.Locale;

/**
 * How the client authenticates at the token endpoint: the app's {@code token_auth_method} when set,
 * else HTTP Basic (RFC 6749 2.3.1: servers must support it) unless the IdP advertises only
 * {@code client_secret_post}.
 *
 * <pre>{@code
 * ClientAuthentication auth = TokenEndpointAuth.of(context, metadata.getTokenEndpointAuthMethods());
 * }</pre>
 */
public final class TokenEndpointAuth {
    private TokenEndpointAuth() {
    }

    /**
     * @param advertised what the IdP supports (discovery's {@code token_endpoint_auth_methods_supported}), or
     *                   null when it does not say
     * @param context the app: its client id, secret and {@code token_auth_method} setting
     * @throws ProviderException {@link FailureCode#APP_NOT_CONFIGURED} for a {@code token_auth_method} other than
     *                           {@code client_secret_basic} or {@code client_secret_post}
     * @return the client authentication to send
     */
    public static ClientAuthentication of(ProviderContext context, List<ClientAuthenticationMethod> advertised)
            throws ProviderException {
        ClientID id = new ClientID(context.app().clientId());
        Secret secret = new Secret(context.app().secret());
        String method = context.settings().string("token_auth_method").orElse("").toLowerCase(Locale.ROOT);
        if (method.isEmpty()) {
            boolean basic = advertised == null || advertised.isEmpty()
                    || advertised.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    || !advertised.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
            method = basic ? "client_secret_basic" : "client_secret_post";
        }
        return switch (method) {
            case "client_secret_basic" -> new ClientSecretBasic(id, secret);
            case "client_secret_post" -> new ClientSecretPost(id, secret);
            default -> throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '"
                    + context.app().name() + "': token_auth_method must be client_secret_basic or client_secret_post, not '"
                    + method + "'");
        };
    }
}
