package io.gatehouse.sso.provider.google;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.IssuerRule;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.oidc.OidcTokens;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Google sign-in (OpenID Connect). Endpoints come from Google's discovery document (override with
 * {@code discovery_url}); the ID token is validated like any other (signature against Google's JWKS,
 * issuer, audience, nonce, expiry), {@code email_verified} decides whether the address is verified, and
 * the uid is {@code sub}, Google's stable account id.
 *
 * <p>With {@code hd} set (one domain or a list) only Google Workspace accounts of those domains may sign
 * in ({@code "*"}: any Workspace domain): the value is sent as the {@code hd} hint (which only pre-filters Google's account chooser) and the
 * validated ID token's {@code hd} claim must be one of them; personal accounts have no {@code hd} and are
 * refused with {@link FailureCode#ACCESS_RESTRICTED}.
 *
 * <pre>{@code
 * social_backends: [google]
 * social_providers:
 *   google:
 *     hd: example.com          # or [example.com, example.org]
 * # callback URL to register at Google: https://app.example.com/accounts/google/login/callback/
 * }</pre>
 */
public final class GoogleBackend extends OidcProviderBackend {
    static final String ISSUER = "https://accounts.google.com";
    /** Google documents both spellings as valid values of an ID token's {@code iss}. */
    static final String BARE_ISSUER = "accounts.google.com";

    /** {@code hd: "*"}: any Google Workspace account, but no personal (gmail.com) account. */
    static final String ANY_WORKSPACE = "*";

    /**
     * The backend {@link java.util.ServiceLoader} creates; hosts do not call it (the provider is chosen by its id,
     * {@code google}).
     */
    public GoogleBackend() {
        super("google", "Google", "hd");
    }

    @Override
    protected String issuer(ProviderContext context) {
        return ISSUER;
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "email", "profile");
    }

    /** Google's ID token already carries email, email_verified and the names; userinfo only on request. */
    @Override
    protected boolean fetchUserInfoByDefault() {
        return false;
    }

    @Override
    protected IssuerRule issuerRule(ProviderContext context, OIDCProviderMetadata metadata) {
        Issuer https = new Issuer(ISSUER);
        Issuer bare = new Issuer(BARE_ISSUER);
        // The rule names one of the two accepted spellings; the validator then requires exactly it, so any
        // other issuer fails as a mismatch against https://accounts.google.com.
        return claims -> BARE_ISSUER.equals(claims.getIssuer()) ? bare : https;
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        super.checkSettings(context);
        for (String domain : hostedDomains(context)) {
            if (!domain.equals(ANY_WORKSPACE) && !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                        + "': hd '" + domain + "' is not a domain name (expected e.g. example.com)");
            }
        }
    }

    @Override
    protected Map<String, String> extraAuthorizationParams(ProviderContext context) {
        List<String> domains = hostedDomains(context);
        if (domains.isEmpty()) {
            return Map.of();
        }
        // Google takes one domain as a hint, or "*" for "any Workspace account"; the real check is on the ID token.
        return Map.of("hd", domains.size() == 1 ? domains.get(0) : ANY_WORKSPACE);
    }

    @Override
    protected ProviderProfile profile(ProviderContext context, String uid, Map<String, Object> claims, OidcTokens tokens)
            throws ProviderException {
        List<String> domains = hostedDomains(context);
        if (!domains.isEmpty()) {
            Object hd = tokens.idTokenClaims().get("hd");
            String domain = hd instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
            boolean allowed = domains.contains(domain) || (domains.contains(ANY_WORKSPACE) && !domain.isEmpty());
            if (!allowed) {
                throw new ProviderException(FailureCode.ACCESS_RESTRICTED, "Google account " + uid + " has "
                        + (domain.isEmpty() ? "no hosted domain (a personal Google account)" : "hosted domain '" + domain + "'")
                        + ", but social application '" + context.app().name() + "' allows only hd " + domains);
            }
        }
        return super.profile(context, uid, claims, tokens);
    }

    private static List<String> hostedDomains(ProviderContext context) {
        return context.settings().list("hd").stream().map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).distinct().toList();
    }
}
