/**
 * The generic OpenID Connect provider ({@code openid_connect}): any identity provider found by its issuer URL
 * through discovery; several can run side by side, each with its own {@code provider_id}. On the class path it
 * registers itself through {@link java.util.ServiceLoader}; nothing here is called directly.
 *
 * <pre>{@code
 * // social app: provider "openid_connect", provider_id "corp", settings:
 * {"server_url": "https://idp.example.com"}
 * }</pre>
 */
package io.gatehouse.sso.provider.oidc;
