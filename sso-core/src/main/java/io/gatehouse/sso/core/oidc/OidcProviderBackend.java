package io.gatehouse.sso.core.oidc;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.core.provider.ProviderSettings;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The base of every OpenID Connect provider (generic OIDC, Keycloak, Google, Microsoft): discovery,
 * authorization request, code exchange, ID token validation and optional userinfo, all through
 * {@link OpenIdConnect}. A subclass says where the IdP is ({@link #issuer}) and may adjust the scopes,
 * the issuer rule and the profile.
 *
 * <pre>{@code
 * public final class KeycloakBackend extends OidcProviderBackend {
 *     public String id() { return "keycloak"; }
 *     public String displayName() { return "Keycloak"; }
 *     protected String issuer(ProviderContext ctx) throws ProviderException { return url + "/realms/" + realm; }
 * }
 * }</pre>
 */
public abstract class OidcProviderBackend implements ProviderBackend {

    /** Settings every OIDC provider understands. */
    protected static final Set<String> OIDC_SETTINGS = Set.of("server_url", "scope", "token_auth_method",
            "fetch_userinfo", "uid_field", "userinfo_signed", "discovery_url", "auth_params");

    /** Claims that an IdP or its users can change: never an identity's uid (allauth advisory). */
    private static final Set<String> MUTABLE_CLAIMS = Set.of("email", "preferred_username", "name", "nickname", "upn",
            "unique_name", "login", "given_name", "family_name");

    /** The issuer the IdP's tokens carry; the discovery document must declare the same. */
    protected abstract String issuer(ProviderContext context) throws ProviderException;

    /** The discovery document's URL: {@code discovery_url} when set, else {@code <issuer>/.well-known/openid-configuration}. */
    protected URI discoveryUrl(ProviderContext context) throws ProviderException {
        return context.settings().string("discovery_url").map(URI::create)
                .orElse(OpenIdConnect.discoveryUrl(issuer(context)));
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

    @Override
    public Set<String> settingKeys() {
        return OIDC_SETTINGS;
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        String uidField = context.settings().string("uid_field").orElse("sub");
        if (MUTABLE_CLAIMS.contains(uidField.toLowerCase(Locale.ROOT))) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "': uid_field '" + uidField + "' is a claim users or admins can change; use 'sub' (or another immutable id)");
        }
        if (context.app().clientId().isBlank()) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "' has no client id");
        }
        issuer(context);
    }

    protected OIDCProviderMetadata metadata(ProviderContext context) throws ProviderException {
        return context.oidc().discover(discoveryUrl(context), expectedDiscoveryIssuer(context));
    }

    @Override
    public URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException {
        OIDCProviderMetadata md = metadata(context);
        if (md.getAuthorizationEndpointURI() == null) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The discovery document has no authorization_endpoint");
        }
        ProviderSettings s = context.settings();
        Map<String, String> extra;
        try {
            extra = new LinkedHashMap<>(s.stringMap("AUTH_PARAMS"));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "': " + e.getMessage());
        }
        extra.putAll(extraAuthorizationParams(context));
        return context.oidc().authorizationUri(md.getAuthorizationEndpointURI(), context.app(), context.callbackUri(),
                params, OpenIdConnect.scopes(s, defaultScopes()), extra);
    }

    /** Provider-specific authorization parameters added after {@code AUTH_PARAMS} (e.g. Google's {@code hd} hint). */
    protected Map<String, String> extraAuthorizationParams(ProviderContext context) throws ProviderException {
        return Map.of();
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        checkSettings(context);
        OIDCProviderMetadata md = metadata(context);
        OidcTokens tokens = context.oidc().exchange(md, context.app(), context.settings(), context.callbackUri(), exchange,
                issuerRule(context, md));
        Map<String, Object> claims = new LinkedHashMap<>(tokens.idTokenClaims());
        boolean fetch;
        try {
            fetch = context.settings().bool("fetch_userinfo", fetchUserInfoByDefault());
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, e.getMessage());
        }
        if (fetch && md.getUserInfoEndpointURI() != null) {
            claims.putAll(context.oidc().userInfo(md, tokens.accessToken(), tokens.subject(), context.settings()));
        }
        String uidField = context.settings().string("uid_field").orElse("sub");
        Object uid = claims.get(uidField);
        if (uid == null || uid.toString().isBlank()) {
            throw new ProviderException(FailureCode.PROFILE_INVALID, "The IdP's claims have no '" + uidField + "' (uid_field)");
        }
        return new ProviderResult(profile(context, uid.toString(), claims, tokens), tokens.token());
    }
}
