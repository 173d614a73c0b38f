package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether each enabled OpenID Connect identity provider's discovery document can be fetched and is valid,
 * checked by the engine's own code: each usable app's backend builds an authorization URL, which runs core's
 * discovery (the same URL, issuer check and required endpoints as a login). Every check round uses a fresh
 * {@link IdpClients} with a short time-out, so a cached document never hides an outage; providers without
 * a discovery document (GitHub) are left out.
 *
 * <pre>{@code
 * new IdpDiscoveryCheck(apps, config, registry, Duration.ofSeconds(2), Clock.systemUTC()).check();
 * // {corp=UP, keycloak=DOWN: The discovery document at https://sso.example.com/... answered HTTP 503}
 * }</pre>
 */
public final class IdpDiscoveryCheck {
    private final SocialAppRepository apps;
    private final GatehouseConfig config;
    private final ProviderRegistry registry;
    private final Duration timeout;
    private final Clock clock;

    /**
     * A check of the apps in the store against their IdPs' discovery documents.
     *
     * @param apps the social applications
     * @param config the start-up configuration
     * @param registry the enabled backends
     * @param timeout how long each IdP may take to answer
     * @param clock the time of the discovery cache
     */
    public IdpDiscoveryCheck(SocialAppRepository apps, GatehouseConfig config, ProviderRegistry registry, Duration timeout,
                             Clock clock) {
        this.apps = apps;
        this.config = config;
        this.registry = registry;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Route id of each OpenID Connect app to {@code UP} or {@code DOWN: <reason>}.
     *
     * @return one entry per app; empty when there is no OpenID Connect app
     */
    public Map<String, String> check() {
        IdpClients clients = IdpClients.create(timeout, clock);
        URI base = config.siteUrl().orElse(URI.create(config.defaultProtocol() + "://localhost"));
        Map<String, String> results = new TreeMap<>();
        for (SelectedApp selected : usableApps(base)) {
            if (!(selected.backend() instanceof OidcProviderBackend)) {
                continue;
            }
            ProviderContext context = new ProviderContext(selected.app(), selected.settings(),
                    BaseUrl.callbackUri(base, selected.routeId()), clients);
            try {
                selected.backend().authorizationUri(context, new AuthorizationParams("health-check", "health-check", null));
                results.put(selected.routeId(), "UP");
            } catch (ProviderException | RuntimeException e) {
                results.put(selected.routeId(), "DOWN: " + e.getMessage());
            }
        }
        return results;
    }

    /** The login buttons of every site an app names (and of the configured site): each usable app once. */
    private Iterable<SelectedApp> usableApps(URI base) {
        AppSelector selector = new AppSelector(apps, config, registry);
        Set<String> sites = new TreeSet<>();
        sites.add(BaseUrl.siteOf(base));
        for (SocialApp app : apps.findAll()) {
            app.sites().stream().filter(site -> !site.equals("*")).forEach(sites::add);
        }
        Map<String, SelectedApp> byApp = new LinkedHashMap<>();
        for (String site : sites) {
            selector.loginChoices(site).forEach(choice -> byApp.putIfAbsent(choice.app().id(), choice));
        }
        return byApp.values();
    }
}
