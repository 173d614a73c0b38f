package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.net.URI;

/**
 * Any OpenID Connect IdP, found by its {@code server_url} (the issuer; discovery is appended), like
 * django-allauth's {@code openid_connect} provider. Several IdPs can run side by side: give each app a
 * {@code provider_id}; it becomes the id in the login and callback URLs.
 *
 * <pre>{@code
 * // social app: provider "openid_connect", provider_id "corp", settings:
 * {"server_url": "https://idp.example.com", "scope": ["openid", "email", "profile", "groups"], "fetch_userinfo": true}
 * // callback URL to register at the IdP: https://app.example.com/accounts/corp/login/callback/
 * }</pre>
 */
public final class OpenIdConnectBackend extends OidcProviderBackend {

    /**
     * The backend {@link java.util.ServiceLoader} creates; hosts do not call it (the provider is chosen by its id,
     * {@code openid_connect}).
     */
    public OpenIdConnectBackend() {
        super("openid_connect", "OpenID Connect");
    }

    @Override
    public boolean multipleInstances() {
        return true;
    }

    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        String url = context.settings().string("server_url").orElseThrow(() -> new ProviderException(
                FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                + "' needs the setting server_url (the IdP's issuer URL)"));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "server_url of '" + context.app().name() + "' is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "server_url of '" + context.app().name()
                    + "' must be an http(s) URL");
        }
        String issuer = url.endsWith("/.well-known/openid-configuration")
                ? url.substring(0, url.length() - "/.well-known/openid-configuration".length()) : url;
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
