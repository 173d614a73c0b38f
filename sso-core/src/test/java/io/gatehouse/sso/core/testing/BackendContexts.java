package io.gatehouse.sso.core.testing;

import io.gatehouse.sso.core.oidc.OpenIdConnect;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderHttp;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.spi.SocialApp;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link ProviderContext} for calling one provider backend directly (without the engine): an app serving
 * every site with the given settings, the callback URL, and fresh HTTP and OpenID Connect machinery.
 */
public final class BackendContexts {
    private BackendContexts() {
    }

    public static ProviderContext forApp(String provider, String name, String clientId, String secret,
                                         Map<String, Object> settings, URI callback) {
        ProviderHttp http = new ProviderHttp(Duration.ofSeconds(5), ProviderHttp.DEFAULT_MAX_BODY_BYTES);
        SocialApp app = SocialApp.builder(provider).id("1").name(name).clientId(clientId).secret(secret).settings(settings)
                .sites("*").build();
        return new ProviderContext(app, ProviderSettings.of(settings), callback, http, new OpenIdConnect(http, Clock.systemUTC()));
    }
}
