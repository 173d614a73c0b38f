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

    /**
     * Copies the sets (sorted, immutable); neither may be null.
     *
     * @param dryRun plan and report, write nothing
     * @param sites the site domains every imported app serves, replacing the database's; empty: the database's sites,
     *     or every site when it has no sites tables (allauth without {@code django.contrib.sites})
     * @param extraProviders provider ids the application has modules for beyond the ones on the importer's class path
     *     (a host's own provider module)
     */
    public ImportOptions {
        sites = Set.copyOf(new TreeSet<>(sites));
        extraProviders = Set.copyOf(new TreeSet<>(extraProviders));
    }

    /**
     * Write, keep the database's sites, accept the provider modules on the class path.
     *
     * @return the default options
     */
    public static ImportOptions defaults() {
        return new ImportOptions(false, Set.of(), Set.of());
    }

    /**
     * These options as a dry run: plan and report, write nothing.
     *
     * @return a copy with {@code dryRun} set
     */
    public ImportOptions asDryRun() {
        return new ImportOptions(true, sites, extraProviders);
    }

    /**
     * These options with the site domains every imported app serves, replacing the database's.
     *
     * @param newSites the domains; empty keeps the database's sites
     * @return a copy with the sites
     */
    public ImportOptions withSites(Set<String> newSites) {
        return new ImportOptions(dryRun, newSites, extraProviders);
    }

    /**
     * These options accepting apps of providers whose modules the application has beyond the importer's class path.
     *
     * @param ids provider ids, e.g. a host's own provider module's
     * @return a copy with the extra providers
     */
    public ImportOptions withExtraProviders(Set<String> ids) {
        return new ImportOptions(dryRun, sites, ids);
    }
}
