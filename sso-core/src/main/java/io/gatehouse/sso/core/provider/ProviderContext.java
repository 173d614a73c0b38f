package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.spi.SocialApp;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a provider needs for one step of one login: the chosen app, its effective settings,
 * the callback URL registered at the IdP, and the shared clients (whose connections and caches are
 * shared across logins).
 *
 * <pre>{@code
 * HTTPResponse me = context.clients().http().send(new HTTPRequest(GET, graphMe), "Microsoft Graph GET /v1.0/me");
 * }</pre>
 *
 * @param app         the social application chosen for this login
 * @param settings    effective settings: {@code social_providers} overlaid by the app's settings
 * @param callbackUri {@code <base>/accounts/<provider>/login/callback/}
 * @param clients     HTTP, discovery, token endpoint, ID token and userinfo clients, shared by every login
 */
public record ProviderContext(SocialApp app, ProviderSettings settings, URI callbackUri, IdpClients clients) {
    public ProviderContext {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(clients, "clients");
    }

    /** The context of a chosen app for a request under this public base URL. */
    public static ProviderContext of(SelectedApp selected, URI baseUrl, IdpClients clients) {
        return new ProviderContext(selected.app(), selected.settings(), BaseUrl.callbackUri(baseUrl, selected.routeId()), clients);
    }
}
