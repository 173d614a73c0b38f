/**
 * The Google provider ({@code google}, OpenID Connect), with an optional hosted-domain ({@code hd}) restriction
 * to Google Workspace domains. On the class path it registers itself through {@link java.util.ServiceLoader};
 * nothing here is called directly.
 *
 * <pre>{@code
 * social_backends: [google]
 * social_providers:
 *   google:
 *     hd: example.com
 * }</pre>
 */
package io.gatehouse.sso.provider.google;
