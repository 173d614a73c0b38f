/**
 * Identity providers and social applications: the {@link io.gatehouse.sso.core.provider.ProviderBackend}
 * interface each provider module implements (registered through {@link java.util.ServiceLoader}), the
 * {@link io.gatehouse.sso.core.provider.ProviderRegistry} of the backends enabled by {@code social_backends},
 * the choice of the social application for a login, and the normalised
 * {@link io.gatehouse.sso.core.provider.ProviderProfile} a provider returns.
 *
 * <pre>{@code
 * ProviderRegistry registry = ProviderRegistry.load(config.backends());
 * ProviderBackend github = registry.find("github").orElseThrow();
 * }</pre>
 */
package io.gatehouse.sso.core.provider;
