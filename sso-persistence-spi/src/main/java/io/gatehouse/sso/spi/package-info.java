/**
 * What a host application stores for Gatehouse, as records and the interfaces it implements (or takes from
 * {@code sso-persistence-jdbc}): the admin-edited social applications ({@link io.gatehouse.sso.spi.SocialAppRepository}),
 * the identities linked to local users ({@link io.gatehouse.sso.spi.SocialAccountRepository}), the users
 * ({@link io.gatehouse.sso.spi.UserDirectory}), groups ({@link io.gatehouse.sso.spi.GroupStore}), the live login
 * settings ({@link io.gatehouse.sso.spi.SettingsSource}), the error log ({@link io.gatehouse.sso.spi.ErrorLog}) and
 * the values that may be used once, on any node ({@link io.gatehouse.sso.spi.SingleUseValues}). No dependencies;
 * {@code sso-testkit} has the contract tests every implementation must pass.
 *
 * <pre>{@code
 * SocialApp saved = apps.save(SocialApp.builder("github").name("GitHub").clientId("Iv1.abc").secret("secret")
 *         .sites("localhost").build());
 * }</pre>
 */
package io.gatehouse.sso.spi;
