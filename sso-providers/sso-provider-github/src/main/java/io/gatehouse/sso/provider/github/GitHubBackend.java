package io.gatehouse.sso.provider.github;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.OpenIdConnect;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import net.minidev.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.net.URI;
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
 * organizations (adds the {@code read:org} scope), {@code SCOPE} (default {@code read:user user:email}).
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
public final class GitHubBackend implements ProviderBackend {
    private static final Logger LOG = LoggerFactory.getLogger(GitHubBackend.class);
    private static final List<String> DEFAULT_SCOPES = List.of("read:user", "user:email");
    private static final Set<String> SETTINGS = Set.of("GITHUB_URL", "authorize_url", "token_url", "api_url", "orgs");
    private static final Set<String> RESERVED_PARAMS = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method");
    /** GitHub organization names: letters, digits and single hyphens, at most 39 characters. */
    private static final Pattern ORG_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    @Override
    public String id() {
        return "github";
    }

    @Override
    public String displayName() {
        return "GitHub";
    }

    @Override
    public Set<String> settingKeys() {
        return SETTINGS;
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        if (context.app().clientId().isBlank()) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "' has no client id");
        }
        GitHubEndpoints.of(context);
        for (String org : orgs(context)) {
            if (!ORG_NAME.matcher(org).matches()) {
                throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                        + "': orgs entry '" + org + "' is not a GitHub organization name");
            }
        }
    }

    @Override
    public URI authorizationUri(ProviderContext context, AuthorizationParams params) throws ProviderException {
        GitHubEndpoints endpoints = GitHubEndpoints.of(context);
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(context.app().clientId()))
                .endpointURI(endpoints.authorize())
                .redirectionURI(context.callbackUri())
                .scope(new Scope(scopes(context).toArray(String[]::new)))
                .state(new State(params.state()));
        if (params.codeVerifier() != null) {
            builder.codeChallenge(new CodeVerifier(params.codeVerifier()), CodeChallengeMethod.S256);
        }
        Map<String, String> extra;
        try {
            extra = context.settings().stringMap("AUTH_PARAMS");
        } catch (IllegalArgumentException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, e.getMessage());
        }
        extra.forEach((k, v) -> {
            if (RESERVED_PARAMS.contains(k)) {
                LOG.warn("AUTH_PARAMS of '{}' sets reserved parameter '{}'; ignored", context.app().name(), k);
            } else {
                builder.customParameter(k, v);
            }
        });
        return builder.build().toURI();
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
        checkSettings(context);
        GitHubEndpoints endpoints = GitHubEndpoints.of(context);
        Tokens tokens = exchangeCode(context, endpoints, exchange);
        AccessToken accessToken = tokens.getAccessToken();
        GitHubApi api = new GitHubApi(context, endpoints, accessToken);

        Map<String, Object> user = api.user();
        String uid = uid(user);
        String login = user.get("login") instanceof String s ? s : "";
        List<String> orgs = orgs(context);
        if (!orgs.isEmpty()) {
            requireMembership(context, api, orgs, login, uid);
        }
        List<EmailAddress> emails = api.emails(user);
        String name = user.get("name") instanceof String s ? s.trim() : "";
        // same rule as OidcProfiles for a single "name": the last word is the family name
        int space = name.lastIndexOf(' ');
        String first = space < 0 ? name : name.substring(0, space).trim();
        String last = space < 0 ? "" : name.substring(space + 1);
        ProviderProfile profile = new ProviderProfile(uid, emails, login, first, last, user);
        return new ProviderResult(profile, context.oidc().socialToken(accessToken, tokens.getRefreshToken()));
    }

    /** The scopes to ask for: the configured or default ones, plus {@code read:org} when {@code orgs} restricts access. */
    static List<String> scopes(ProviderContext context) {
        Set<String> scopes = new LinkedHashSet<>(OpenIdConnect.scopes(context.settings(), DEFAULT_SCOPES));
        boolean canReadOrgs = scopes.contains("read:org") || scopes.contains("write:org") || scopes.contains("admin:org");
        if (!orgs(context).isEmpty() && !canReadOrgs) {
            scopes.add("read:org");
        }
        return new ArrayList<>(scopes);
    }

    private static List<String> orgs(ProviderContext context) {
        return context.settings().list("orgs").stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    private static Tokens exchangeCode(ProviderContext context, GitHubEndpoints endpoints, CodeExchange exchange)
            throws ProviderException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()), context.callbackUri(),
                exchange.codeVerifier() == null ? null : new CodeVerifier(exchange.codeVerifier()));
        ClientSecretPost auth = new ClientSecretPost(new ClientID(context.app().clientId()), new Secret(context.app().secret()));
        HTTPRequest request = new TokenRequest.Builder(endpoints.token(), auth, grant).build().toHTTPRequest();
        // without it GitHub answers form-encoded
        request.setAccept("application/json");
        HTTPResponse response = context.http().send(request, "GitHub token endpoint");

        URI uri = endpoints.token();
        String what = "GitHub's token endpoint " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
        JSONObject json;
        try {
            json = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            String type = response.getHeaderValue("Content-Type");
            throw new ProviderException(response.getStatusCode() == 200 ? FailureCode.IDP_RESPONSE_INVALID : FailureCode.TOKEN_EXCHANGE_FAILED,
                    what + " answered HTTP " + response.getStatusCode() + " with a body that is not JSON ("
                            + (type == null ? "no content type" : type) + ")", e);
        }
        // GitHub reports a refused code with HTTP 200 and an "error" member, not with HTTP 400
        if (json.containsKey("error")) {
            ErrorObject error = ErrorObject.parse(json);
            String code = error.getCode() == null ? "unknown" : error.getCode();
            throw new ProviderException(FailureCode.TOKEN_EXCHANGE_FAILED, what + " refused the code with error=" + code
                    + (error.getDescription() == null ? "" : ": " + error.getDescription()) + hint(context, code));
        }
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.TOKEN_EXCHANGE_FAILED, what + " answered HTTP " + response.getStatusCode());
        }
        try {
            return AccessTokenResponse.parse(json).getTokens();
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, what + " answered HTTP 200 without a usable token: "
                    + e.getMessage(), e);
        }
    }

    /** What the admin should check for the token errors GitHub documents. */
    private static String hint(ProviderContext context, String code) {
        return switch (code) {
            case "redirect_uri_mismatch" -> " (register " + context.callbackUri() + " as the OAuth app's authorization callback URL)";
            case "incorrect_client_credentials" -> " (check the client id and secret of social application '" + context.app().name() + "')";
            case "bad_verification_code" -> " (the code was wrong, already used or expired; the user should sign in again)";
            default -> "";
        };
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
