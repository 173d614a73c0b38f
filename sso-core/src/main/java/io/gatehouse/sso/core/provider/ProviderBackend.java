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

    /** The id used in {@code social_backends}, in {@link io.gatehouse.sso.spi.SocialApp#provider()} and in URLs. */
    String id();

    /** Name for login buttons, e.g. "GitHub". */
    String displayName();

    /**
     * Setting keys (compared case-insensitively) this provider understands beyond the ones every
     * provider understands ({@link #COMMON_SETTINGS}); other keys in an app's settings get a warning.
     */
    default Set<String> settingKeys() {
        return Set.of();
    }

    /**
     * django-allauth settings this provider cannot honour, each with what to use instead (e.g. Microsoft's
     * {@code VERIFIED_EMAIL} → {@code verified_email_domains} with a pinned tenant). An app or configuration that
     * sets one to anything but {@code false} is refused (at start-up for configuration, at app selection for an
     * admin-edited app) with that message, rather than the setting being ignored.
     */
    default Map<String, String> refusedSettings() {
        return Map.of();
    }

    /** Whether several apps of this provider may run side by side under their own {@code provider_id}. */
    default boolean multipleInstances() {
        return false;
    }

    /**
     * Checks an app's effective settings before use; a problem is a {@link ProviderException} with
     * {@link FailureCode#APP_NOT_CONFIGURED} whose message says what to set.
     */
    default void checkSettings(ProviderContext context) throws ProviderException {
    }

    /** The URL to send the browser to. Must carry {@code state}, and the nonce and PKCE challenge where the protocol has them. */
    URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException;

    /** Exchanges the code, validates what the IdP returned, and builds the profile. */
    ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException;

    /**
     * How the IdP identifies itself in authorization responses (RFC 9207), read when a login begins; empty for an
     * IdP without an issuer identifier (GitHub), whose callbacks are then not checked for {@code iss}.
     */
    default Optional<IssuerIdentification> issuerIdentification(ProviderContext context) throws ProviderException {
        return Optional.empty();
    }

    /** The IdP's {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0), or empty: sign-out stays local. */
    default Optional<URI> endSessionEndpoint(ProviderContext context) throws ProviderException {
        return Optional.empty();
    }

    /**
     * Checks a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 section 2.6) against this app.
     *
     * @throws ProviderException {@link FailureCode#BACKCHANNEL_LOGOUT_UNSUPPORTED} by default,
     *                           else the code of the failed check
     */
    default VerifiedLogout verifyLogoutToken(ProviderContext context, String logoutToken) throws ProviderException {
        throw new ProviderException(FailureCode.BACKCHANNEL_LOGOUT_UNSUPPORTED, "The " + id()
                + " provider has no back-channel logout");
    }

    /**
     * Redeems a refresh token at the token endpoint (RFC 6749 section 6) for a fresh access token; the result is
     * stored merged over the old token ({@link io.gatehouse.sso.spi.SocialToken#mergedOver}), so an IdP that sends
     * no new refresh token (Google) keeps the old one working.
     *
     * @throws ProviderException {@link FailureCode#REFRESH_REVOKED} when the IdP answers
     *                           {@code invalid_grant}, else the code of what went wrong
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
