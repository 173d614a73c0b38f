package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.spi.User;

/**
 * A successful SSO login (or registration, or connect), handed to every {@link LoginListener}.
 *
 * <pre>{@code
 * LoginListener audit = event -> {
 *     if (event.appSettings().bool("audit", false)) log.info("{} signed in via {}", event.user().id(), event.providerId());
 * };
 * }</pre>
 *
 * @param user       the local user
 * @param providerId the provider route id
 * @param profile    the IdP's profile, with every raw claim
 * @param newUser    true when this login created the user
 * @param path        where it happened, for error-log records, e.g. {@code auth:/accounts/keycloak/login/callback/}
 * @param appSettings the effective settings of the social application used (a listener may honour its own
 *                    per-app switches, such as group sync's {@code group_sync: false})
 */
public record LoginEvent(User user, String providerId, ProviderProfile profile, boolean newUser, String path,
                         ProviderSettings appSettings) {

    /**
     * A {@code null} {@code appSettings} is read as no settings.
     *
     * @param user the local user
     * @param providerId the provider route id
     * @param profile the IdP's profile, with every raw claim
     * @param newUser true when this login created the user
     * @param path where it happened, for error-log records, e.g. {@code auth:/accounts/keycloak/login/callback/}
     * @param appSettings the effective settings of the social application used (a listener may honour its own per-app
     *     switches, such as group sync's {@code group_sync: false})
     */
    public LoginEvent {
        appSettings = appSettings == null ? ProviderSettings.of(null) : appSettings;
    }

    /**
     * An event without app settings.
     *
     * @param user the local user
     * @param providerId the provider route id
     * @param profile the IdP's profile, with every raw claim
     * @param newUser true when this login created the user
     * @param path where it happened, for error-log records
     */
    public LoginEvent(User user, String providerId, ProviderProfile profile, boolean newUser, String path) {
        this(user, providerId, profile, newUser, path, null);
    }
}
