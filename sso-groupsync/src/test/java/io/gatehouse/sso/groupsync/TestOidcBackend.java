package io.gatehouse.sso.groupsync;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.IssuerRule;
import io.gatehouse.sso.core.oidc.OidcTokens;
import io.gatehouse.sso.core.oidc.OpenIdConnect;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal generic OpenID Connect backend for the engine-level test, on the same core path the real
 * {@code sso-provider-oidc} module takes (discovery, {@link OpenIdConnect#authorizationUri},
 * {@link OpenIdConnect#exchange} with an exact issuer). Test-only: that module is built in parallel and
 * not yet on this branch.
 */
final class TestOidcBackend implements ProviderBackend {

    @Override
    public String id() {
        return "openid_connect";
    }

    @Override
    public String displayName() {
        return "OpenID Connect";
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of("server_url");
    }

    @Override
    public URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException {
        OIDCProviderMetadata md = discover(context);
        return context.oidc().authorizationUri(md.getAuthorizationEndpointURI(), context.app(), context.callbackUri(), params,
                List.of("openid", "email", "profile", "groups"), Map.of());
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        OIDCProviderMetadata md = discover(context);
        OidcTokens tokens = context.oidc().exchange(md, context.app(), context.settings(), context.callbackUri(), exchange,
                IssuerRule.exactly(serverUrl(context)));
        Map<String, Object> claims = tokens.idTokenClaims();
        Object email = claims.get("email");
        List<EmailAddress> emails = email instanceof String address
                ? List.of(new EmailAddress(address, Boolean.TRUE.equals(claims.get("email_verified")), true))
                : List.of();
        String username = String.valueOf(claims.getOrDefault("preferred_username", ""));
        return new ProviderResult(new ProviderProfile(tokens.subject(), emails, username, "", "", claims), tokens.token());
    }

    private static OIDCProviderMetadata discover(ProviderContext context) throws ProviderException {
        String serverUrl = serverUrl(context);
        return context.oidc().discover(OpenIdConnect.discoveryUrl(serverUrl), serverUrl);
    }

    private static String serverUrl(ProviderContext context) throws ProviderException {
        return context.settings().string("server_url").orElseThrow(() ->
                new ProviderException(FailureCode.APP_NOT_CONFIGURED, "server_url is not set"));
    }
}
