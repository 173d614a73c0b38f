package io.gatehouse.sso.inventree;

import io.gatehouse.sso.core.provider.ProviderBackend;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The provider ids Gatehouse can sign in with: those of the provider modules on the class path (found the way the
 * application finds them, through {@link ServiceLoader}), and the ones the operator names for the application's
 * own modules. A row of another provider (allauth's {@code gitlab}, say) cannot be used and is not imported.
 */
final class ProviderModules {
    private final Set<String> ids;

    private ProviderModules(Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    static ProviderModules onClassPath(Set<String> extra) {
        Set<String> ids = new TreeSet<>(extra);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(ProviderBackend.class, loader == null ? ProviderModules.class.getClassLoader() : loader)
                .forEach(b -> ids.add(b.id()));
        return new ProviderModules(ids);
    }

    boolean has(String providerId) {
        return ids.contains(providerId);
    }

    /** Why a provider id cannot be imported, and what to do if the application can use it after all. */
    String missing(String providerId) {
        return "Gatehouse has no provider module for '" + providerId + "' (available: " + String.join(", ", new TreeSet<>(ids))
                + "); if the application has one, name it with --provider " + providerId;
    }
}
