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

    public KnownRoutes(SocialAppRepository apps, GatehouseConfig config, ProviderRegistry registry, Duration refresh, Clock clock) {
        this.apps = apps;
        this.config = config;
        this.registry = registry;
        this.refresh = refresh;
        this.clock = clock;
    }

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
