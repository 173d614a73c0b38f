package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The provider backends enabled by {@code social_backends}, found on the class path with
 * {@link ServiceLoader}. Fails at start-up, never at the first login: an enabled id without a module
 * names the Maven artifact to add; two modules claiming one id are refused.
 *
 * <pre>{@code
 * ProviderRegistry registry = ProviderRegistry.load(config.backends());
 * registry.find("github").orElseThrow();
 * }</pre>
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ProviderBackend> enabled;
    private final List<ProviderBackend> inOrder;

    private ProviderRegistry(Map<String, ProviderBackend> enabled) {
        this.enabled = enabled;
        this.inOrder = List.copyOf(enabled.values());
    }

    /** Loads backends from the thread's context class loader. */
    public static ProviderRegistry load(List<String> enabledIds) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<ProviderBackend> available = new ArrayList<>();
        ServiceLoader.load(ProviderBackend.class, loader == null ? ProviderRegistry.class.getClassLoader() : loader)
                .forEach(available::add);
        return of(enabledIds, available);
    }

    /** Activates the enabled ids among the given backends. */
    public static ProviderRegistry of(List<String> enabledIds, Collection<? extends ProviderBackend> available) {
        Map<String, ProviderBackend> byId = new LinkedHashMap<>();
        for (ProviderBackend backend : available) {
            ProviderBackend clash = byId.putIfAbsent(backend.id(), backend);
            if (clash != null && clash.getClass() != backend.getClass()) {
                throw new ConfigException("social_backends", "Two provider modules claim the id '" + backend.id() + "': "
                        + clash.getClass().getName() + " and " + backend.getClass().getName()
                        + ". Remove one of them from the class path.");
            }
        }
        Map<String, ProviderBackend> active = new LinkedHashMap<>();
        for (String id : enabledIds) {
            ProviderBackend backend = byId.get(id);
            if (backend == null) {
                KnownProviders known = KnownProviders.fromClassPath();
                String hint = known.artifactFor(id)
                        .map(a -> "Add the Maven dependency io.gatehouse:" + a + " to the application.")
                        .orElse("Gatehouse ships modules for: " + known.shipped() + ".");
                throw new ConfigException("social_backends", "social_backends enables '" + id
                        + "' but no provider module for it is on the class path. " + hint);
            }
            active.put(id, backend);
        }
        LOG.info("SSO provider backends enabled: {}", active.keySet());
        return new ProviderRegistry(active);
    }

    public Optional<ProviderBackend> find(String providerId) {
        return Optional.ofNullable(enabled.get(providerId));
    }

    public List<ProviderBackend> enabled() {
        return inOrder;
    }
}
