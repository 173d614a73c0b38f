package io.gatehouse.sso.provider.microsoft;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.IssuerRule;
import io.gatehouse.sso.core.oidc.OidcProfiles;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.oidc.OidcTokens;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.IssuerIdentification;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft identity platform v2.0 (Entra ID work and school accounts, personal Microsoft accounts),
 * by OpenID Connect plus Microsoft Graph {@code /v1.0/me}.
 *
 * <ul>
 *   <li>{@code TENANT} ({@code tenant}): {@code common} (default), {@code organizations}, {@code consumers},
 *       or one tenant's id or domain. Multi-tenant tokens are issued per tenant; see {@link TenantIssuerRule}.
 *       {@code allowed_tenants} (tenant ids) admits only those tenants.</li>
 *   <li>{@code login_url} (default {@code https://login.microsoftonline.com}) and {@code graph_url} (default
 *       {@code https://graph.microsoft.com}) for sovereign clouds.</li>
 *   <li>The uid is the {@code oid} claim: the user's immutable object id in their tenant, the same for every
 *       app (and the {@code id} of Graph's {@code /me}, which django-allauth stores, so existing links keep
 *       working). The {@code sub} claim is pairwise per app registration: it changes when the app is
 *       re-registered. {@code uid_field: sub} picks it anyway.</li>
 *   <li>Email: Graph's {@code mail}, else {@code userPrincipalName}. Microsoft does not say either is
 *       verified (a tenant admin can set {@code mail} to anything), so it is unverified unless its domain is
 *       listed, exactly, in {@code verified_email_domains}, which needs the tenant pinned (a tenant id, or
 *       {@code allowed_tenants}): otherwise any tenant's admin could claim your domain.</li>
 *   <li>{@code groups} and {@code roles} claims pass through to group sync. When Entra left the groups out
 *       because there are too many (group overage), the partial {@code groups} claim is dropped and
 *       {@code groups_overage: true} is added, so group sync reports the claim as missing instead of
 *       removing the user's groups; a warning explains the fix.</li>
 * </ul>
 *
 * <pre>{@code
 * social_backends: [microsoft]
 * social_providers:
 *   microsoft:
 *     TENANT: organizations
 *     APPS: [{client_id: "...", secret: "...", settings: {allowed_tenants: ["<tenant id>"], verified_email_domains: [example.com]}}]
 * # redirect URI to register in Entra: https://app.example.com/accounts/microsoft/login/callback/
 * }</pre>
 */
public final class MicrosoftBackend extends OidcProviderBackend {
    private static final Logger LOG = LoggerFactory.getLogger(MicrosoftBackend.class);
    static final String DEFAULT_LOGIN_URL = "https://login.microsoftonline.com";
    static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";
    /** Marker claim set when Entra reported a group overage; group sync then finds no {@code groups} claim. */
    public static final String GROUPS_OVERAGE_CLAIM = "groups_overage";

    public MicrosoftBackend() {
        super("microsoft", "Microsoft", "tenant", "login_url", "graph_url", "allowed_tenants", "verified_email_domains");
    }

    /**
     * django-allauth's {@code VERIFIED_EMAIL} would trust every address Entra sends; but the admin of any tenant
     * can give a user any address (the "nOAuth" takeover), so only domains with a pinned tenant are trusted.
     */
    @Override
    public Map<String, String> refusedSettings() {
        return Map.of("VERIFIED_EMAIL", "Microsoft Entra lets the admin of any tenant give a user any email address, "
                + "so its addresses are never trusted wholesale. Use verified_email_domains (your domains) with TENANT "
                + "set to your tenant id (or allowed_tenants) instead");
    }

    /** {@code <login_url>/<tenant>/v2.0}: where discovery is; the real issuer comes from the document and the token. */
    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        return url(context, "login_url", DEFAULT_LOGIN_URL) + "/" + MicrosoftTenant.of(context) + "/v2.0";
    }

    /** Multi-tenant documents declare a template and tenant domains resolve to an id; {@link TenantIssuerRule} checks instead. */
    @Override
    protected String expectedDiscoveryIssuer(ProviderContext context) {
        return null;
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "email", "profile", "User.Read");
    }

    /** Graph {@code /me} gives more than the OIDC userinfo endpoint, which only repeats the ID token. */
    @Override
    protected boolean fetchUserInfoByDefault() {
        return false;
    }

    @Override
    protected IssuerRule issuerRule(ProviderContext context, OIDCProviderMetadata metadata) throws ProviderException {
        return TenantIssuerRule.of(MicrosoftTenant.of(context), metadata.getIssuer().getValue());
    }

    /**
     * A multi-tenant document declares a template issuer that no answer can carry, so multi-tenant apps are not
     * checked for RFC 9207's {@code iss} (Microsoft does not advertise it either); a pinned tenant is.
     */
    @Override
    public Optional<IssuerIdentification> issuerIdentification(ProviderContext context) throws ProviderException {
        return MicrosoftTenant.of(context).multiTenant() ? Optional.empty() : super.issuerIdentification(context);
    }

    /** Microsoft's v2.0 token endpoint wants the scopes on a refresh too (a subset of those granted at sign-in). */
    @Override
    protected List<String> refreshScopes(ProviderContext context) {
        return context.settings().scopesOr(defaultScopes());
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        super.checkSettings(context);
        MicrosoftTenant tenant = MicrosoftTenant.of(context);
        url(context, "graph_url", DEFAULT_GRAPH_URL);
        List<String> allowed = allowedTenants(context);
        for (String t : allowed) {
            if (!MicrosoftTenant.isGuid(t)) {
                throw notConfigured(context, "allowed_tenants entry '" + t + "' is not a tenant id (a GUID, shown as "
                        + "'Directory (tenant) ID' in the Entra admin center)");
            }
        }
        List<String> domains = verifiedDomains(context);
        for (String d : domains) {
            if (!d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw notConfigured(context, "verified_email_domains entry '" + d + "' is not a domain name");
            }
        }
        if (!domains.isEmpty() && tenant.multiTenant() && allowed.isEmpty()) {
            throw notConfigured(context, "verified_email_domains needs the tenant pinned: with TENANT '" + tenant
                    + "' the admin of any Entra tenant could give a user an address in " + domains + ". Set TENANT to "
                    + "your tenant id, or list your tenant ids in allowed_tenants");
        }
    }

    @Override
    protected ProviderProfile profile(ProviderContext context, String uid, Map<String, Object> claims, OidcTokens tokens)
            throws ProviderException {
        Map<String, Object> idToken = tokens.idTokenClaims();
        String tid = String.valueOf(idToken.get("tid")).toLowerCase(Locale.ROOT);
        List<String> allowed = allowedTenants(context);
        if (!allowed.isEmpty() && !allowed.contains(tid)) {
            throw new ProviderException(FailureCode.ACCESS_RESTRICTED, "Microsoft tenant " + tid + " is not in allowed_tenants "
                    + "of social application '" + context.app().name() + "'");
        }
        String oid = idToken.get("oid") instanceof String s && !s.isBlank() ? s : null;
        String chosenUid = context.settings().string("uid_field").isPresent() ? uid : oid;
        if (chosenUid == null) {
            throw new ProviderException(FailureCode.PROFILE_INVALID, "The Microsoft ID token has no oid claim; request the "
                    + "'profile' scope (or set uid_field)");
        }

        Map<String, Object> me = GraphMe.fetch(context, URI.create(url(context, "graph_url", DEFAULT_GRAPH_URL)), tokens.accessToken());
        if (me.get("id") instanceof String graphId && MicrosoftTenant.isGuid(graphId) && oid != null && !graphId.equalsIgnoreCase(oid)) {
            throw new ProviderException(FailureCode.USERINFO_SUBJECT_MISMATCH, "Microsoft Graph /me describes user " + graphId
                    + ", but the ID token's oid is " + oid);
        }
        Map<String, Object> merged = new LinkedHashMap<>(claims);
        // validated ID token claims win over Graph's fields
        me.forEach(merged::putIfAbsent);
        if (groupOverage(idToken)) {
            merged.remove("groups");
            merged.put(GROUPS_OVERAGE_CLAIM, true);
            LOG.warn("Microsoft tenant {} left the groups out of the ID token for social application '{}' because the "
                    + "user is in more groups than fit into a token (group overage). The partial 'groups' claim is "
                    + "dropped, so group sync reports the claim as missing instead of removing groups. Fix: in the app "
                    + "registration's Token configuration emit only 'Groups assigned to the application' (and assign "
                    + "those groups to the enterprise application), or use app roles and set SSO_GROUP_KEY to 'roles'.",
                    tid, context.app().name());
        }

        String upn = text(me.get("userPrincipalName")).filter(u -> !isGuestUpn(u)).orElse(null);
        Optional<String> address = text(me.get("mail")).or(() -> Optional.ofNullable(upn)).or(() -> text(idToken.get("email")))
                .or(() -> text(idToken.get("preferred_username")).filter(p -> p.contains("@") && !isGuestUpn(p)));
        List<EmailAddress> emails = new ArrayList<>();
        address.ifPresent(a -> emails.add(new EmailAddress(a, inVerifiedDomain(context, a), true)));

        ProviderProfile fromClaims = OidcProfiles.fromClaims(chosenUid, merged);
        String first = text(me.get("givenName")).orElse(fromClaims.firstName());
        String last = text(me.get("surname")).orElse(fromClaims.lastName());
        if (first.isEmpty() && last.isEmpty()) {
            String display = text(me.get("displayName")).orElse("");
            int space = display.lastIndexOf(' ');
            first = space < 0 ? display : display.substring(0, space);
            last = space < 0 ? "" : display.substring(space + 1);
        }
        String username = Optional.ofNullable(upn).or(() -> text(idToken.get("preferred_username")).filter(p -> !isGuestUpn(p)))
                .map(u -> u.contains("@") ? u.substring(0, u.indexOf('@')) : u).orElse("");
        return new ProviderProfile(chosenUid, emails, username, first, last, merged);
    }

    /** Entra's overage signals: {@code _claim_names.groups} (code flow) or {@code hasgroups: true} (implicit flow). */
    static boolean groupOverage(Map<String, Object> idToken) {
        return (idToken.get("_claim_names") instanceof Map<?, ?> names && names.containsKey("groups"))
                || OidcProfiles.isTrue(idToken.get("hasgroups"));
    }

    /** A guest's UPN ({@code ada_gmail.com#EXT#@contoso.onmicrosoft.com}) is no mail address. */
    private static boolean isGuestUpn(String upn) {
        return upn.toUpperCase(Locale.ROOT).contains("#EXT#");
    }

    private static boolean inVerifiedDomain(ProviderContext context, String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        return verifiedDomains(context).contains(domain);
    }

    private static List<String> allowedTenants(ProviderContext context) {
        return context.settings().list("allowed_tenants").stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).toList();
    }

    private static List<String> verifiedDomains(ProviderContext context) {
        return context.settings().list("verified_email_domains").stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).map(d -> d.startsWith("@") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty()).toList();
    }

    /** A base URL setting without trailing slash, checked to be an absolute http(s) URL. */
    private static String url(ProviderContext context, String key, String fallback) throws ProviderException {
        String value = context.settings().string(key).orElse(fallback);
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw notConfigured(context, key + " must be an absolute http(s) URL such as " + fallback + ", not '" + value + "'");
        }
        return value;
    }

    private static ProviderException notConfigured(ProviderContext context, String problem) {
        return new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name() + "': " + problem);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
    }
}
