package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.http.IdpHttpClient;
import io.gatehouse.sso.core.oauth2.TokenEndpointClient;
import io.gatehouse.sso.core.oidc.IdTokenVerifier;
import io.gatehouse.sso.core.oidc.JwksCache;
import io.gatehouse.sso.core.oidc.LogoutTokenVerifier;
import io.gatehouse.sso.core.oidc.OidcDiscovery;
import io.gatehouse.sso.core.oidc.UserInfoClient;

import javax.net.ssl.SSLContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The clients every provider talks to its IdP with, created once per engine and shared by every login
 * (their connections and caches are what makes the second login cheap).
 *
 * @param http      the one HTTP client: kept-alive connections, a deadline per call, a body limit
 * @param discovery OpenID Connect discovery, cached per document
 * @param tokens    the token endpoint (code grant with PKCE), for OIDC providers and plain OAuth 2.0 ones
 * @param idTokens  ID token verification against the IdP's cached JWKS
 * @param userInfo  the userinfo endpoint, plain or signed
 * @param logoutTokens back-channel logout tokens, verified against the same cached JWKS
 *
 * <pre>{@code
 * IdpClients clients = IdpClients.create(Duration.ofSeconds(5), Clock.systemUTC());
 * }</pre>
 */
public record IdpClients(IdpHttpClient http, OidcDiscovery discovery, TokenEndpointClient tokens,
                         IdTokenVerifier idTokens, UserInfoClient userInfo, LogoutTokenVerifier logoutTokens) {
    public IdpClients {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(idTokens, "idTokens");
        Objects.requireNonNull(userInfo, "userInfo");
        Objects.requireNonNull(logoutTokens, "logoutTokens");
    }

    /**
     * The clients over one HTTP client with this deadline per call and {@link IdpHttpClient#DEFAULT_MAX_BODY_BYTES}.
     *
     * @param clock the time for caches, token expiry and ID token time checks
     */
    public static IdpClients create(Duration deadline, Clock clock) {
        return create(deadline, clock, null);
    }

    /**
     * The same over https with this TLS context (e.g. trusting the private CA that signed the IdP's certificate).
     *
     * @param tls null for the JVM's default
     */
    public static IdpClients create(Duration deadline, Clock clock, SSLContext tls) {
        IdpHttpClient http = new IdpHttpClient(deadline, IdpHttpClient.DEFAULT_MAX_BODY_BYTES, tls);
        JwksCache keys = new JwksCache(http, clock);
        return new IdpClients(http, new OidcDiscovery(http, clock), new TokenEndpointClient(http, clock),
                new IdTokenVerifier(keys, clock), new UserInfoClient(http, keys), new LogoutTokenVerifier(keys, clock));
    }
}
