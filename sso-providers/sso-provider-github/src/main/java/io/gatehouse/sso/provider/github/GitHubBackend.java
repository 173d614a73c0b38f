package io.gatehouse.sso.provider.github;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oauth2.IssuedTokens;
import io.gatehouse.sso.core.oauth2.OAuth2Endpoints;
import io.gatehouse.sso.core.oauth2.OAuth2ProviderBackend;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub sign-in (OAuth 2.0 with the REST API; GitHub OAuth apps have no OpenID Connect). The browser
 * goes to GitHub's authorize endpoint with state and a PKCE S256 challenge; the code is exchanged at the
 * token endpoint (POST, {@code Accept: application/json}); then {@code GET /user} gives the profile and
 * {@code GET /user/emails} the addresses with GitHub's verified and primary flags. The uid is the numeric
 * {@code id}: a {@code login} can be renamed and then taken by someone else.
 *
 * <p>Settings: {@code GITHUB_URL} for GitHub Enterprise Server, {@code authorize_url} / {@code token_url} /
 * {@code api_url} to override one endpoint, {@code orgs} to admit only active members of the listed
 * organizations (adds the {@code read:org} scope), {@code SCOPE} (default {@code read:user user:email}), and
 * django-allauth's {@code QUERY_EMAIL} (default {@code true}): {@code false} asks for {@code read:user} only and
 * skips {@code GET /user/emails}, so the address is {@code /user}'s public one, unverified.
 *
 * <pre>{@code
 * social_backends: [github]
 * social_providers:
 *   github:
 *     GITHUB_URL: https://github.example.com   # GitHub Enterprise Server; omit for github.com
 *     orgs: [inventree]
 * # callback URL to register at GitHub: https://app.example.com/accounts/github/login/callback/
 * }</pre>
 */
public final class GitHubBackend extends OAuth2ProviderBackend {
    private static final List<String> DEFAULT_SCOPES = List.of("read:user", "user:email");
    private static final List<String> SCOPES_WITHOUT_EMAIL = List.of("read:user");
    static final String QUERY_EMAIL = "QUERY_EMAIL";
    /** GitHub organization names: letters, digits and single hyphens, at most 39 characters. */
    private static final Pattern ORG_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    /**
     * The backend {@link java.util.ServiceLoader} creates; hosts do not call it (the provider is chosen by its id,
     * {@code github}).
     */
    public GitHubBackend() {
        super("github", "GitHub", "GITHUB_URL", "authorize_url", "token_url", "api_url", "orgs", QUERY_EMAIL);
    }

    @Override
    protected OAuth2Endpoints endpoints(ProviderContext context) throws ProviderException {
        GitHubEndpoints endpoints = GitHubEndpoints.of(context);
        return new OAuth2Endpoints(endpoints.authorize(), endpoints.token());
    }

    @Override
    protected List<String> defaultScopes() {
        return DEFAULT_SCOPES;
    }

    /** GitHub documents client_secret_post for its token endpoint. */
    @Override
    protected List<ClientAuthenticationMethod> tokenEndpointAuthMethods() {
        return List.of(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        super.checkSettings(context);
        for (String org : orgs(context)) {
            if (!ORG_NAME.matcher(org).matches()) {
                throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                        + "': orgs entry '" + org + "' is not a GitHub organization name");
            }
        }
    }

    /**
     * The scopes to ask for: the configured ones, else the defaults ({@code user:email} only with {@code QUERY_EMAIL}),
     * plus {@code read:org} when {@code orgs} restricts access.
     */
    @Override
    protected List<String> scopes(ProviderContext context) {
        List<String> defaults = queryEmail(context) ? DEFAULT_SCOPES : SCOPES_WITHOUT_EMAIL;
        Set<String> scopes = new LinkedHashSet<>(context.settings().scopesOr(defaults));
        boolean canReadOrgs = scopes.contains("read:org") || scopes.contains("write:org") || scopes.contains("admin:org");
        if (!orgs(context).isEmpty() && !canReadOrgs) {
            scopes.add("read:org");
        }
        return new ArrayList<>(scopes);
    }

    @Override
    protected ProviderProfile profile(ProviderContext context, IssuedTokens tokens) throws ProviderException {
        GitHubApi api = new GitHubApi(context, GitHubEndpoints.of(context), tokens.accessToken());
        Map<String, Object> user = api.user();
        String uid = uid(user);
        String login = user.get("login") instanceof String s ? s : "";
        List<String> orgs = orgs(context);
        if (!orgs.isEmpty()) {
            requireMembership(context, api, orgs, login, uid);
        }
        List<EmailAddress> emails = queryEmail(context) ? api.emails(user) : GitHubApi.publicEmail(user);
        String name = user.get("name") instanceof String s ? s.trim() : "";
        // same rule as OidcProfiles for a single "name": the last word is the family name
        int space = name.lastIndexOf(' ');
        String first = space < 0 ? name : name.substring(0, space).trim();
        String last = space < 0 ? "" : name.substring(space + 1);
        return new ProviderProfile(uid, emails, login, first, last, user);
    }

    /** django-allauth's {@code QUERY_EMAIL}: ask GitHub for the user's addresses with their verified flags. */
    private static boolean queryEmail(ProviderContext context) {
        return context.settings().bool(QUERY_EMAIL, true);
    }

    private static List<String> orgs(ProviderContext context) {
        return context.settings().list("orgs").stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    private static String uid(Map<String, Object> user) throws ProviderException {
        Object id = user.get("id");
        if (id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
            String value = id.toString();
            if (!value.startsWith("-") && !value.equals("0")) {
                return value;
            }
        }
        throw new ProviderException(FailureCode.PROFILE_INVALID, "GitHub GET /user answered without a numeric id (got "
                + (id == null ? "none" : id.getClass().getSimpleName()) + ")");
    }

    private static void requireMembership(ProviderContext context, GitHubApi api, List<String> orgs, String login, String uid)
            throws ProviderException {
        List<String> reasons = new ArrayList<>();
        for (String org : orgs) {
            String state = api.membership(org);
            if (state.equals("active")) {
                return;
            }
            reasons.add(org.toLowerCase(Locale.ROOT) + ": " + state);
        }
        throw new ProviderException(FailureCode.ACCESS_RESTRICTED, "GitHub user '" + login + "' (id " + uid
                + ") is not an active member of an organization social application '" + context.app().name()
                + "' admits: " + String.join("; ", reasons));
    }
}
