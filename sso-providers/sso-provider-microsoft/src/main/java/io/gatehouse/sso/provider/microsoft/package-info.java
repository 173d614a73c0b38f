/**
 * The Microsoft identity platform provider ({@code microsoft}: Entra ID work and school accounts, personal
 * Microsoft accounts), tenant-aware ({@code common}, {@code organizations}, {@code consumers} or one tenant).
 * On the class path it registers itself through {@link java.util.ServiceLoader}; nothing here is called directly.
 *
 * <pre>{@code
 * social_backends: [microsoft]
 * social_providers:
 *   microsoft:
 *     TENANT: organizations
 * }</pre>
 */
package io.gatehouse.sso.provider.microsoft;
