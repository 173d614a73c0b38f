/**
 * OAuth 2.0 on Nimbus, shared by every provider: the authorization URL with state, PKCE and {@code AUTH_PARAMS}
 * ({@link io.gatehouse.sso.core.oauth2.AuthorizationUrl}), the code exchange at the token endpoint with the
 * chosen client authentication ({@link io.gatehouse.sso.core.oauth2.TokenEndpointClient}), and
 * {@link io.gatehouse.sso.core.oauth2.OAuth2ProviderBackend}, the base of a provider without OpenID Connect
 * whose profile comes from its API (GitHub).
 *
 * <pre>{@code
 * public final class GiteaBackend extends OAuth2ProviderBackend {
 *     public GiteaBackend() { super("gitea", "Gitea", "GITEA_URL"); }
 *     protected OAuth2Endpoints endpoints(ProviderContext context) { ... }
 *     protected ProviderProfile profile(ProviderContext context, IssuedTokens tokens) throws ProviderException { ... }
 * }
 * }</pre>
 */
package io.gatehouse.sso.core.oauth2;
