package io.gatehouse.sso.core.testing;

import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.spi.SocialApp;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link ProviderContext} for calling one provider backend directly (without the engine): an app serving
 * every site with the given settings, the callback URL, and fresh IdP clients.
 */
public final class BackendContexts {
    private BackendContexts() {
    }

    public static ProviderContext forApp(String provider, String name, String clientId, String secret,
                                         Map<String, Object> settings, URI callback) {
        SocialApp app = SocialApp.builder(provider).id("1").name(name).clientId(clientId).secret(secret).settings(settings)
                .sites("*").build();
        return new ProviderContext(app, ProviderSettings.of(settings), callback,
                IdpClients.create(Duration.ofSeconds(5), Clock.systemUTC()));
    }
}
