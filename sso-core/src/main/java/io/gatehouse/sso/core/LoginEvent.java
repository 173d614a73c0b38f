package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.spi.User;

/**
 * A successful SSO login (or registration, or connect), handed to every {@link LoginListener}.
 *
 * @param user       the local user
 * @param providerId the provider route id
 * @param profile    the IdP's profile, with every raw claim
 * @param newUser    true when this login created the user
 * @param path       where it happened, for error-log records, e.g. {@code auth:/accounts/keycloak/login/callback/}
 */
public record LoginEvent(User user, String providerId, ProviderProfile profile, boolean newUser, String path) {
}
