package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.oidc.OpenIdConnect;
import io.gatehouse.sso.spi.SocialApp;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a provider needs for one step of one login: the chosen app, its effective settings,
 * the callback URL registered at the IdP, and the shared HTTP and OpenID Connect machinery
 * (whose caches are shared across logins).
 *
 * @param app         the social application chosen for this login
 * @param settings    effective settings: {@code social_providers} overlaid by the app's settings
 * @param callbackUri {@code <base>/accounts/<provider>/login/callback/}
 * @param http        time-outs and size limits for calls to the IdP
 * @param oidc        discovery, JWKS and ID token validation, shared by every OIDC provider
 */
public record ProviderContext(SocialApp app, ProviderSettings settings, URI callbackUri, ProviderHttp http,
                              OpenIdConnect oidc) {
    public ProviderContext {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(oidc, "oidc");
    }
}
