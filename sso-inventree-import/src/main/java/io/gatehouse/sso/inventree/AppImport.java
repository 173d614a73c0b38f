package io.gatehouse.sso.inventree;

import io.gatehouse.sso.inventree.ImportReport.Kind;
import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports allauth's social applications: each one Gatehouse has a provider module for becomes a {@link SocialApp}
 * with the same provider, provider id, name, client id, secret (encrypted at rest by the JDBC store), key, settings
 * and sites. An app Gatehouse already has (same provider, provider id and name) is left as it is, so a second run
 * changes nothing and an admin's later edit in Gatehouse is never overwritten.
 */
final class AppImport {
    /** The site Django creates by itself; an InvenTree without SITE_MULTI ignores sites, so it is often still there. */
    private static final String DJANGO_DEFAULT_SITE = "example.com";

    private final SocialAppRepository target;
    private final ProviderModules modules;
    private final ImportOptions options;

    AppImport(SocialAppRepository target, ProviderModules modules, ImportOptions options) {
        this.target = target;
        this.modules = modules;
        this.options = options;
    }

    void run(SourceApp app, ImportReport.Lines lines) {
        if (!modules.has(app.provider())) {
            lines.add(Kind.NOT_IMPORTED, app.label(), modules.missing(app.provider()));
            return;
        }
        Map<String, Object> settings;
        try {
            settings = JsonObjectColumn.parse("settings", app.settings(), true);
        } catch (IllegalArgumentException e) {
            lines.add(Kind.NOT_IMPORTED, app.label(), e.getMessage());
            return;
        }
        SocialApp wanted = SocialApp.builder(app.provider()).providerId(app.providerId()).name(app.name())
                .clientId(app.clientId()).secret(app.secret()).key(app.key()).settings(settings).sites(sites(app)).build();
        Optional<SocialApp> existing = target.findByProvider(app.provider()).stream()
                .filter(a -> a.providerId().equals(wanted.providerId()) && a.name().equals(wanted.name())).findFirst();
        if (existing.isPresent()) {
            boolean same = existing.get().equals(wanted.withId(existing.get().id()));
            lines.add(same ? Kind.UNCHANGED : Kind.NOTE, app.label(), same ? "Gatehouse has it (id " + existing.get().id() + ")"
                    : "Gatehouse has an app of this provider and name (id " + existing.get().id() + ") with other values;"
                    + " it is kept as it is (delete it in Gatehouse and run again to import InvenTree's)");
            return;
        }
        try {
            if (!options.dryRun()) {
                target.save(wanted);
            }
            lines.add(Kind.CREATED, app.label(), "client id " + app.clientId() + ", sites " + describe(wanted.sites()));
        } catch (PersistenceException e) {
            lines.add(Kind.NOT_IMPORTED, app.label(), "writing it failed: " + e.getMessage());
            return;
        }
        notes(app, wanted.sites(), lines);
    }

    /** The operator's sites, else the database's, else every site: allauth without the sites framework ignores sites. */
    private Set<String> sites(SourceApp app) {
        if (!options.sites().isEmpty()) {
            return options.sites();
        }
        return app.sites() == null ? Set.of("*") : app.sites();
    }

    private void notes(SourceApp app, Set<String> sites, ImportReport.Lines lines) {
        if (sites.isEmpty()) {
            lines.add(Kind.NOTE, app.label(), "it has no site, so Gatehouse will not use it (as in InvenTree):"
                    + " assign it one, or run again with --site");
        } else if (sites.contains(DJANGO_DEFAULT_SITE) && options.sites().isEmpty()) {
            lines.add(Kind.NOTE, app.label(), "it serves site " + DJANGO_DEFAULT_SITE + ", Django's default site; an"
                    + " InvenTree without SITE_MULTI ignores sites, so give the real host name with --site");
        }
    }

    private static String describe(Set<String> sites) {
        return sites.contains("*") ? "every site (the database has no sites tables)" : sites.toString();
    }
}
