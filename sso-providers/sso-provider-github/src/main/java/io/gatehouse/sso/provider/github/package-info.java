/**
 * The GitHub provider ({@code github}, OAuth 2.0 and the REST API), for github.com and GitHub Enterprise Server,
 * optionally limited to members of listed organizations. On the class path it registers itself through
 * {@link java.util.ServiceLoader}; nothing here is called directly.
 *
 * <pre>{@code
 * social_backends: [github]
 * social_providers:
 *   github:
 *     orgs: [inventree]
 * }</pre>
 */
package io.gatehouse.sso.provider.github;
