package io.gatehouse.sso.core.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oauth2.AuthorizationUrl;
import io.gatehouse.sso.core.oauth2.IssuedTokens;
import io.gatehouse.sso.core.oauth2.TokenEndpointAuth;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.BaseProviderBackend;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.IdpSession;
import io.gatehouse.sso.core.provider.IssuerIdentification;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.VerifiedLogout;
import io.gatehouse.sso.spi.SocialToken;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The base of every OpenID Connect provider (generic OIDC, Keycloak, Google, Microsoft): discovery, the
 * authentication request, the code exchange, ID token verification and optional userinfo, each through
 * the shared {@link IdpClients}. A subclass names itself, says where the IdP is ({@link #issuer}) and may
 * adjust the scopes, the issuer rule and the profile.
 *
 * <pre>{@code
 * public final class KeycloakBackend extends OidcProviderBackend {
 *     public KeycloakBackend() { super("keycloak", "Keycloak", "KEYCLOAK_URL", "KEYCLOAK_REALM"); }
 *     protected String issuer(ProviderContext ctx) throws ProviderException { return url + "/realms/" + realm; }
 * }
 * }</pre>
 */
public abstract class OidcProviderBackend extends BaseProviderBackend {

    /** Settings every OIDC provider understands beyond {@link io.gatehouse.sso.core.provider.ProviderBackend#COMMON_SETTINGS}. */
    protected static final Set<String> OIDC_SETTINGS = Set.of("server_url", "scope", "token_auth_method",
            "fetch_userinfo", "uid_field", "userinfo_signed", "discovery_url", "auth_params");

    /** Claims that an IdP or its users can change: never an identity's uid (allauth advisory). */
    private static final Set<String> MUTABLE_CLAIMS = Set.of("email", "preferred_username", "name", "nickname", "upn",
            "unique_name", "login", "given_name", "family_name");

    /**
     * @param settingKeys the settings this provider understands beyond {@link #OIDC_SETTINGS}
     */
    protected OidcProviderBackend(String id, String displayName, String... settingKeys) {
        super(id, displayName, OIDC_SETTINGS, settingKeys);
    }

    /** The issuer the IdP's tokens carry; the discovery document must declare the same. */
    protected abstract String issuer(ProviderContext context) throws ProviderException;

    /** The discovery document's URL: {@code discovery_url} when set, else {@code <issuer>/.well-known/openid-configuration}. */
    protected URI discoveryUrl(ProviderContext context) throws ProviderException {
        // the issuer's well-known URL only when no discovery_url is set (orElse would build it for every login)
        Optional<String> configured = context.settings().string("discovery_url");
        return configured.isPresent() ? URI.create(configured.get()) : OidcDiscovery.discoveryUrl(issuer(context));
    }

    /** The issuer the discovery document must declare, or null to skip the check. */
    protected String expectedDiscoveryIssuer(ProviderContext context) throws ProviderException {
        return issuer(context);
    }

    /** Scopes when the settings name none. */
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email");
    }

    /** Which issuer the ID token must carry. */
    protected IssuerRule issuerRule(ProviderContext context, OIDCProviderMetadata metadata) throws ProviderException {
        return IssuerRule.exactly(metadata.getIssuer().getValue());
    }

    /** Whether userinfo is fetched when the settings do not say (allauth's default: yes). */
    protected boolean fetchUserInfoByDefault() {
        return true;
    }

    /** Builds the profile from the merged claims; subclasses add provider-specific rules and checks. */
    protected ProviderProfile profile(ProviderContext context, String uid, Map<String, Object> claims,
                                      OidcTokens tokens) throws ProviderException {
        return OidcProfiles.fromClaims(uid, claims);
    }

    /** Provider-specific authorization parameters added after {@code AUTH_PARAMS} (e.g. Google's {@code hd} hint). */
    protected Map<String, String> extraAuthorizationParams(ProviderContext context) throws ProviderException {
        return Map.of();
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        String uidField = context.settings().string("uid_field").orElse("sub");
        if (MUTABLE_CLAIMS.contains(uidField.toLowerCase(Locale.ROOT))) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "': uid_field '" + uidField + "' is a claim users or admins can change; use 'sub' (or another immutable id)");
        }
        super.checkSettings(context);
        issuer(context);
    }

    /** The IdP's metadata, from the shared discovery cache. */
    protected OIDCProviderMetadata metadata(ProviderContext context) throws ProviderException {
        return context.clients().discovery().discover(discoveryUrl(context), expectedDiscoveryIssuer(context));
    }

    @Override
    public URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException {
        OIDCProviderMetadata md = metadata(context);
        if (md.getAuthorizationEndpointURI() == null) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The discovery document has no authorization_endpoint");
        }
        return AuthorizationUrl.openIdConnect(md.getAuthorizationEndpointURI(), context, params,
                context.settings().scopesOr(defaultScopes()), extraAuthorizationParams(context));
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        checkSettings(context);
        OIDCProviderMetadata md = metadata(context);
        IssuedTokens issued = context.clients().tokens().exchangeCode(md.getTokenEndpointURI(),
                TokenEndpointAuth.of(context, md.getTokenEndpointAuthMethods()), context, exchange);
        OidcTokens tokens = verified(context, md, issued, exchange.nonce());
        Map<String, Object> claims = tokens.idTokenClaims();
        if (fetchUserInfo(context) && md.getUserInfoEndpointURI() != null) {
            claims = new LinkedHashMap<>(claims);
            claims.putAll(context.clients().userInfo().fetch(md, tokens.accessToken(), tokens.subject(), context.settings()));
        }
        String uidField = context.settings().string("uid_field").orElse("sub");
        Object uid = claims.get(uidField);
        if (uid == null || uid.toString().isBlank()) {
            throw new ProviderException(FailureCode.PROFILE_INVALID, "The IdP's claims have no '" + uidField + "' (uid_field)");
        }
        Object sid = tokens.idTokenClaims().get("sid");
        return new ProviderResult(profile(context, uid.toString(), claims, tokens), tokens.token(),
                new IdpSession(tokens.subject(), sid instanceof String s ? s : null, issued.idToken().serialize()));
    }

    /** The issuer from the discovery document, and its {@code authorization_response_iss_parameter_supported}. */
    @Override
    public Optional<IssuerIdentification> issuerIdentification(ProviderContext context) throws ProviderException {
        OIDCProviderMetadata md = metadata(context);
        return Optional.of(new IssuerIdentification(md.getIssuer().getValue(), md.supportsAuthorizationResponseIssuerParam()));
    }

    @Override
    public Optional<URI> endSessionEndpoint(ProviderContext context) throws ProviderException {
        return Optional.ofNullable(metadata(context).getEndSessionEndpointURI());
    }

    /** Checked against the IdP's JWKS and this app's client id, with the issuer rule of ID tokens. */
    @Override
    public VerifiedLogout verifyLogoutToken(ProviderContext context, String logoutToken) throws ProviderException {
        checkSettings(context);
        OIDCProviderMetadata md = metadata(context);
        return context.clients().logoutTokens().verify(md, context.app().clientId(), logoutToken, issuerRule(context, md));
    }

    @Override
    public SocialToken refresh(ProviderContext context, String refreshToken) throws ProviderException {
        checkSettings(context);
        OIDCProviderMetadata md = metadata(context);
        return context.clients().tokens().refresh(md.getTokenEndpointURI(), TokenEndpointAuth.of(context,
                md.getTokenEndpointAuthMethods()), context, refreshToken, refreshScopes(context)).stored();
    }

    /** The scopes a refresh asks for; none by default, which keeps those of the sign-in (RFC 6749 section 6). */
    protected List<String> refreshScopes(ProviderContext context) {
        return List.of();
    }

    /**
     * The token endpoint's answer with its ID token verified. A subclass that obtains the answer another way
     * (a benchmark replaying it from memory) verifies it through here, exactly as a login does.
     */
    protected OidcTokens verified(ProviderContext context, OIDCProviderMetadata md, IssuedTokens issued, String nonce)
            throws ProviderException {
        if (issued.idToken() == null) {
            throw new ProviderException(FailureCode.ID_TOKEN_INVALID, "The token endpoint answered without an id_token "
                    + "(is the 'openid' scope allowed for this client?)");
        }
        JWTClaimsSet claims = context.clients().idTokens().verify(md, context.app().clientId(), issued.idToken(), nonce,
                issuerRule(context, md));
        // toJSONObject is a fresh map (times as epoch seconds, as the token carries them); nobody else holds it
        return new OidcTokens(claims.getSubject(), Collections.unmodifiableMap(claims.toJSONObject()), issued.accessToken(),
                issued.stored());
    }

    private boolean fetchUserInfo(ProviderContext context) throws ProviderException {
        try {
            return context.settings().bool("fetch_userinfo", fetchUserInfoByDefault());
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, e.getMessage());
        }
    }

    /**
     * The IdP's metadata exactly as a login fetches it (discovery URL, issuer check, required endpoints), for
     * diagnostics; with fresh {@link io.gatehouse.sso.core.provider.IdpClients} nothing cached hides an outage.
     *
     * @throws ProviderException as a login's discovery would fail
     */
    public final OIDCProviderMetadata discoveredMetadata(ProviderContext context) throws ProviderException {
        return metadata(context);
    }
}
