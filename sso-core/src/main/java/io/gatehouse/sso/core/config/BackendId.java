package io.gatehouse.sso.core.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Turns a {@code social_backends} entry into a provider id. Accepts the short id ({@code github}) and
 * django-allauth's module path ({@code allauth.socialaccount.providers.github}), so an existing InvenTree
 * configuration works unchanged; InvenTree's documented misspelling {@code allauth.socialaccounts...}
 * is accepted with a warning.
 *
 * <pre>{@code
 * BackendId.parse("allauth.socialaccount.providers.keycloak"); // "keycloak"
 * }</pre>
 */
public final class BackendId {
    private static final Logger LOG = LoggerFactory.getLogger(BackendId.class);
    private static final String ALLAUTH = "allauth.socialaccount.providers.";
    private static final String ALLAUTH_MISSPELLED = "allauth.socialaccounts.providers.";

    private BackendId() {
    }

    /**
     * The provider id of a {@code social_backends} entry: {@code github}, or the django-allauth module path {@code
     * allauth.socialaccount.providers.github} (the misspelling {@code socialaccounts} is accepted with a warning).
     *
     * @param entry one entry of the list; null is empty
     * @return the provider id, trimmed
     */
    public static String parse(String entry) {
        String raw = entry == null ? "" : entry.trim();
        String id = raw;
        if (raw.startsWith(ALLAUTH)) {
            id = raw.substring(ALLAUTH.length());
        } else if (raw.startsWith(ALLAUTH_MISSPELLED)) {
            id = raw.substring(ALLAUTH_MISSPELLED.length());
            LOG.warn("social_backends entry '{}' uses 'socialaccounts' (plural); the django-allauth module is '{}{}'. "
                    + "Accepted as '{}'.", raw, ALLAUTH, id, id);
        }
        id = id.toLowerCase(Locale.ROOT);
        if (!id.matches("[a-z0-9][a-z0-9_]*")) {
            throw new ConfigException("social_backends", "social_backends entry '" + raw
                    + "' is not a provider id: use e.g. 'github' or 'allauth.socialaccount.providers.github'");
        }
        return id;
    }
}
