package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe in-memory {@link SocialAppRepository}.
 *
 * <pre>{@code
 * SocialAppRepository apps = new InMemorySocialApps();
 * }</pre>
 */
public final class InMemorySocialApps implements SocialAppRepository {
    private static final Comparator<SocialApp> ORDER = Comparator.comparing(SocialApp::provider)
            .thenComparing(SocialApp::name)
            .thenComparing(SocialApp::id, Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));

    private final Map<String, SocialApp> apps = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public List<SocialApp> findAll() {
        return apps.values().stream().sorted(ORDER).toList();
    }

    @Override
    public List<SocialApp> findByProvider(String provider) {
        return apps.values().stream().filter(a -> a.provider().equals(provider)).sorted(ORDER).toList();
    }

    @Override
    public Optional<SocialApp> findById(String id) {
        return Optional.ofNullable(id).map(apps::get);
    }

    @Override
    public SocialApp save(SocialApp app) {
        SocialApp stored = app.id() == null ? app.withId(Long.toString(ids.incrementAndGet())) : app;
        if (app.id() != null) {
            // keep generated ids ahead of ids chosen by callers, so a later insert never overwrites
            ids.accumulateAndGet(parseOrZero(app.id()), Math::max);
        }
        apps.put(stored.id(), stored);
        return stored;
    }

    @Override
    public boolean delete(String id) {
        return id != null && apps.remove(id) != null;
    }

    private static long parseOrZero(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
