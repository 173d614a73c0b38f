/**
 * The live login settings, with InvenTree's names ({@code LOGIN_ENABLE_SSO}, {@code LOGIN_ENABLE_SSO_REG},
 * {@code LOGIN_SIGNUP_MAIL_RESTRICTION}, the group sync keys...): {@link io.gatehouse.sso.core.settings.LoginSettings}
 * re-reads them from the host's {@link io.gatehouse.sso.spi.SettingsSource} at each use and validates every
 * value, so an admin's change applies to the next request and a bad value is a clear error naming its key.
 *
 * <pre>{@code
 * LoginSettings settings = new LoginSettings(settingsSource);
 * boolean open = settings.ssoEnabled() && settings.registrationEnabled();
 * }</pre>
 */
package io.gatehouse.sso.core.settings;
