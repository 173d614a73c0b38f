package io.gatehouse.sso.inventree;

import java.util.Set;
import java.util.TreeSet;

/**
 * How to import.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.defaults().asDryRun().withSites(Set.of("inventree.example.com"));
 * }</pre>
 *
 * @param dryRun         plan and report, write nothing
 * @param sites          the site domains every imported app serves, replacing the database's; empty: the database's
 *                       sites, or every site when it has no sites tables (allauth without {@code django.contrib.sites})
 * @param extraProviders provider ids the application has modules for beyond the ones on the importer's class path
 *                       (a host's own provider module)
 */
public record ImportOptions(boolean dryRun, Set<String> sites, Set<String> extraProviders) {

    public ImportOptions {
        sites = Set.copyOf(new TreeSet<>(sites));
        extraProviders = Set.copyOf(new TreeSet<>(extraProviders));
    }

    /** Write, keep the database's sites, accept the provider modules on the class path. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, Set.of(), Set.of());
    }

    public ImportOptions asDryRun() {
        return new ImportOptions(true, sites, extraProviders);
    }

    public ImportOptions withSites(Set<String> newSites) {
        return new ImportOptions(dryRun, newSites, extraProviders);
    }

    public ImportOptions withExtraProviders(Set<String> ids) {
        return new ImportOptions(dryRun, sites, ids);
    }
}
