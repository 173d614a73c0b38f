/**
 * OpenID Connect on Nimbus, shared by every OIDC provider module: discovery, the authentication request with
 * state, nonce and PKCE, the code exchange, ID token verification against a cached JWKS, and userinfo.
 * A provider module extends {@link io.gatehouse.sso.core.oidc.OidcProviderBackend} and says where its
 * identity provider is; {@link io.gatehouse.sso.core.oidc.IssuerRule} covers IdPs whose issuer varies
 * (Microsoft's multi-tenant endpoints).
 *
 * <pre>{@code
 * public final class CorpBackend extends OidcProviderBackend {
 *     public CorpBackend() { super("corp", "Corp SSO"); }
 *     protected String issuer(ProviderContext context) { return "https://sso.corp.example"; }
 * }
 * }</pre>
 */
package io.gatehouse.sso.core.oidc;
