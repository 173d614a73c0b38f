package io.gatehouse.sso.inventree;

import java.util.Objects;
import java.util.Set;

/**
 * One row of django-allauth's {@code socialaccount_socialapp}, with the domains of its sites.
 *
 * @param id          the row's id
 * @param provider    allauth's provider id, e.g. {@code github} or {@code openid_connect}
 * @param providerId  the sub-provider id of an {@code openid_connect} app (the id in its URLs); empty otherwise
 * @param name        the app's name
 * @param clientId    the client id
 * @param secret      the client secret; never printed
 * @param key         the extra key; never printed
 * @param settings    the settings column as stored (JSON text), empty before allauth's migration 0004
 * @param sites       the domains of its sites; null when the database has no sites tables (allauth without
 *                    {@code django.contrib.sites}, where an app serves every site)
 */
record SourceApp(long id, String provider, String providerId, String name, String clientId, String secret, String key,
                 String settings, Set<String> sites) {

    SourceApp {
        Objects.requireNonNull(provider, "provider");
        providerId = providerId == null ? "" : providerId;
        name = name == null ? "" : name;
        settings = settings == null ? "" : settings;
        sites = sites == null ? null : Set.copyOf(sites);
    }

    /** The id in the app's URLs and its accounts' {@code provider} column: the provider id when set. */
    String routeId() {
        return providerId.isEmpty() ? provider : providerId;
    }

    /** How the report names it. */
    String label() {
        return "app '" + name + "' (socialaccount_socialapp " + id + ", " + provider
                + (providerId.isEmpty() ? "" : " " + providerId) + ")";
    }

    @Override
    public String toString() {
        return "SourceApp[" + label() + "]";
    }
}
