package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.spi.SocialToken;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of identity provider (GitHub, Keycloak, any OpenID Connect server...). Implementations
 * live in their own modules, are registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/io.gatehouse.sso.core.provider.ProviderBackend}, must have a public
 * no-argument constructor, and must be thread-safe: one instance serves every login.
 *
 * <pre>{@code
 * public final class GitHubBackend implements ProviderBackend {
 *     public String id() { return "github"; }
 *     public String displayName() { return "GitHub"; }
 *     public URI authorizationUri(ProviderContext ctx, AuthorizationParams params) { ... }
 *     public ProviderResult exchange(ProviderContext ctx, CodeExchange exchange) throws ProviderException { ... }
 * }
 * }</pre>
 */
public interface ProviderBackend {

    /**
     * The id used in {@code social_backends}, in {@link io.gatehouse.sso.spi.SocialApp#provider()} and in URLs.
     *
     * @return the provider id, e.g. {@code github}
     */
    String id();

    /**
     * Name for login buttons, e.g. "GitHub".
     *
     * @return the display name
     */
    String displayName();

    /**
     * Setting keys (compared case-insensitively) this provider understands beyond the ones every
     * provider understands ({@link #COMMON_SETTINGS}); other keys in an app's settings get a warning.
     *
     * @return the keys; none by default
     */
    default Set<String> settingKeys() {
        return Set.of();
    }

    /**
     * django-allauth settings this provider cannot honour, each with what to use instead (e.g. Microsoft's
     * {@code VERIFIED_EMAIL} → {@code verified_email_domains} with a pinned tenant). An app or configuration that
     * sets one to anything but {@code false} is refused (at start-up for configuration, at app selection for an
     * admin-edited app) with that message, rather than the setting being ignored.
     *
     * @return each refused key with its replacement; none by default
     */
    default Map<String, String> refusedSettings() {
        return Map.of();
    }

    /**
     * Whether several apps of this provider may run side by side under their own {@code provider_id}.
     *
     * @return false by default
     */
    default boolean multipleInstances() {
        return false;
    }

    /**
     * Checks an app's effective settings before use; a problem is a {@link ProviderException} with
     * {@link FailureCode#APP_NOT_CONFIGURED} whose message says what to set.
     *
     * @param context the app and its effective settings
     * @throws ProviderException {@link FailureCode#APP_NOT_CONFIGURED} naming what to set
     */
    default void checkSettings(ProviderContext context) throws ProviderException {
    }

    /**
     * The URL to send the browser to. Must carry {@code state}, and the nonce and PKCE challenge where the protocol has
     * them.
     *
     * @param context the app, its settings and callback URI
     * @param params the state, nonce and PKCE verifier of this login
     * @return the authorization URL
     * @throws ProviderException when the app's settings do not allow a request
     */
    URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException;

    /**
     * Exchanges the code, validates what the IdP returned, and builds the profile.
     *
     * @param context the app, its settings and callback URI
     * @param exchange the code and what the login sent
     * @return the profile and the token to store
     * @throws ProviderException with the failure code of the failed step
     */
    ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException;

    /**
     * How the IdP identifies itself in authorization responses (RFC 9207), read when a login begins; empty for an
     * IdP without an issuer identifier (GitHub), whose callbacks are then not checked for {@code iss}.
     *
     * @param context the app and its settings
     * @return the issuer identification, or empty
     * @throws ProviderException when the IdP's metadata cannot be read
     */
    default Optional<IssuerIdentification> issuerIdentification(ProviderContext context) throws ProviderException {
        return Optional.empty();
    }

    /**
     * The IdP's {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0), or empty: sign-out stays local.
     *
     * @param context the app and its settings
     * @return the endpoint, or empty
     * @throws ProviderException when the IdP's metadata cannot be read
     */
    default Optional<URI> endSessionEndpoint(ProviderContext context) throws ProviderException {
        return Optional.empty();
    }

    /**
     * Checks a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 section 2.6) against this app.
     *
     * @param context the app and its settings
     * @param logoutToken the logout token as posted
     * @throws ProviderException {@link FailureCode#BACKCHANNEL_LOGOUT_UNSUPPORTED} by default,
     *                           else the code of the failed check
     * @return the verified logout
     */
    default VerifiedLogout verifyLogoutToken(ProviderContext context, String logoutToken) throws ProviderException {
        throw new ProviderException(FailureCode.BACKCHANNEL_LOGOUT_UNSUPPORTED, "The " + id()
                + " provider has no back-channel logout");
    }

    /**
     * Revokes a stored token at the IdP (RFC 7009), so it no longer works there either.
     *
     * @param context the app and its settings
     * @param token   the stored token; its refresh token is revoked when there is one, else its access token
     * @throws ProviderException {@link FailureCode#TOKEN_REVOCATION_UNSUPPORTED} by default, and when the IdP
     *                           offers no revocation endpoint; {@link FailureCode#TOKEN_REVOCATION_FAILED} or
     *                           {@link FailureCode#IDP_UNREACHABLE} when the revocation did not happen
     */
    default void revoke(ProviderContext context, SocialToken token) throws ProviderException {
        throw new ProviderException(FailureCode.TOKEN_REVOCATION_UNSUPPORTED, "The " + id()
                + " provider has no token revocation endpoint");
    }

    /**
     * Redeems a refresh token at the token endpoint (RFC 6749 section 6) for a fresh access token; the result is
     * stored merged over the old token ({@link io.gatehouse.sso.spi.SocialToken#mergedOver}), so an IdP that sends
     * no new refresh token (Google) keeps the old one working.
     *
     * @param context the app and its settings
     * @param refreshToken the stored refresh token
     * @throws ProviderException {@link FailureCode#REFRESH_REVOKED} when the IdP answers
     *                           {@code invalid_grant}, else the code of what went wrong
     * @return the new token
     */
    default SocialToken refresh(ProviderContext context, String refreshToken) throws ProviderException {
        throw new ProviderException(FailureCode.REFRESH_FAILED, "The " + id()
                + " provider cannot refresh tokens");
    }

    /** Settings keys every provider understands. */
    Set<String> COMMON_SETTINGS = Set.of("SCOPE", "AUTH_PARAMS", "APPS", "APP", "hidden", "pkce_enabled", "OAUTH_PKCE_ENABLED",
            "VERIFIED_EMAIL", "EMAIL_AUTHENTICATION", "EMAIL_AUTHENTICATION_AUTO_CONNECT", "name", "client_id",
            "secret", "key", "settings", "sites", "provider_id", "group_sync");
}
