/**
 * The Keycloak provider ({@code keycloak}, OpenID Connect), found by server URL and realm; its {@code groups}
 * claim feeds group sync. On the class path it registers itself through {@link java.util.ServiceLoader};
 * nothing here is called directly.
 *
 * <pre>{@code
 * social_backends: [keycloak]
 * social_providers:
 *   keycloak:
 *     KEYCLOAK_URL: https://sso.example.com
 *     KEYCLOAK_REALM: inventree
 * }</pre>
 */
package io.gatehouse.sso.provider.keycloak;
