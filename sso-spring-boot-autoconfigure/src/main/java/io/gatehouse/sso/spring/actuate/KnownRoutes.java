package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider route ids Gatehouse serves: enabled backends, admin-edited apps and configured apps. The
 * admin's apps change at run time, so their ids are re-read at most every {@code refresh}.
 *
 * <pre>{@code
 * new KnownRoutes(apps, config, registry, Duration.ofSeconds(30), Clock.systemUTC()).contains("corp");
 * }</pre>
 */
public final class KnownRoutes {
    private record Snapshot(Set<String> ids, Instant read) {
    }

    private final SocialAppRepository apps;
    private final GatehouseConfig config;
    private final ProviderRegistry registry;
    private final Duration refresh;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /**
     * The route ids of the enabled backends and the store's apps, re-read at most every {@code refresh}.
     *
     * @param apps the social applications
     * @param config the start-up configuration
     * @param registry the enabled backends
     * @param refresh the longest an admin's new app may go uncounted
     * @param clock the time of the refresh
     */
    public KnownRoutes(SocialAppRepository apps, GatehouseConfig config, ProviderRegistry registry, Duration refresh, Clock clock) {
        this.apps = apps;
        this.config = config;
        this.registry = registry;
        this.refresh = refresh;
        this.clock = clock;
    }

    /**
     * Whether a route id from a URL is one Gatehouse serves, so it may become a metric tag.
     *
     * @param routeId the id from the URL
     * @return true for a provider id or an app's provider id
     */
    public boolean contains(String routeId) {
        if (registry.find(routeId).isPresent()) {
            return true;
        }
        Snapshot current = snapshot;
        if (current == null || !current.read().plus(refresh).isAfter(clock.instant())) {
            current = new Snapshot(read(), clock.instant());
            snapshot = current;
        }
        return current.ids().contains(routeId);
    }

    private Set<String> read() {
        Set<String> ids = new HashSet<>();
        apps.findAll().stream().map(SocialApp::routeId).forEach(ids::add);
        for (String backend : config.backends()) {
            if (config.providerSettings(backend).get("APPS") instanceof List<?> configured) {
                for (Object app : configured) {
                    if (app instanceof Map<?, ?> m && m.get("provider_id") instanceof String id && !id.isBlank()) {
                        ids.add(id);
                    }
                }
            }
        }
        return Set.copyOf(ids);
    }
}
