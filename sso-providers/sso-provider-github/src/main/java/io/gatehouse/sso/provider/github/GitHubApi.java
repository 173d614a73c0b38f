package io.gatehouse.sso.provider.github;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GitHub REST calls of one login, made with the user's access token and the headers GitHub
 * documents: {@code Accept: application/vnd.github+json}, {@code X-GitHub-Api-Version: 2022-11-28},
 * {@code Authorization: Bearer <token>} and a {@code User-Agent} (GitHub refuses requests without one).
 */
final class GitHubApi {
    private static final Logger LOG = LoggerFactory.getLogger(GitHubApi.class);
    static final String MEDIA_TYPE = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";
    static final String USER_AGENT = "Gatehouse-SSO";

    private final ProviderContext context;
    private final GitHubEndpoints endpoints;
    private final AccessToken token;

    GitHubApi(ProviderContext context, GitHubEndpoints endpoints, AccessToken token) {
        this.context = context;
        this.endpoints = endpoints;
        this.token = token;
    }

    /** {@code GET /user}: the signed-in user's profile. */
    Map<String, Object> user() throws ProviderException {
        HTTPResponse response = get("/user");
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "GitHub GET /user answered HTTP "
                    + response.getStatusCode() + message(response));
        }
        try {
            return new LinkedHashMap<>(JSONObjectUtils.parse(body(response)));
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "GitHub GET /user answered with a body that is not a JSON object", e);
        }
    }

    /**
     * {@code GET /user/emails}: every address with GitHub's verified and primary flags, primary first. This
     * is how a user whose address is private still signs in with the right, verified one. Without the
     * {@code user:email} scope GitHub answers 403 or 404; then the public address of {@code /user} is used,
     * unverified, because nothing says GitHub verified it.
     */
    List<EmailAddress> emails(Map<String, Object> user) throws ProviderException {
        HTTPResponse response = get("/user/emails");
        int status = response.getStatusCode();
        if (status == 403 || status == 404) {
            LOG.warn("GitHub GET /user/emails answered HTTP {} for social application '{}' (was the user:email scope "
                            + "granted?); using /user's {}, marked unverified", status, context.app().name(),
                    text(user.get("email")).isPresent() ? "public email" : "public email, which is not set");
            return publicEmail(user);
        }
        if (status != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "GitHub GET /user/emails answered HTTP " + status
                    + message(response));
        }
        List<Object> entries;
        try {
            entries = JSONArrayUtils.parse(body(response));
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "GitHub GET /user/emails answered with a body that is not a JSON array", e);
        }
        List<EmailAddress> out = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> m) {
                Optional<String> address = text(m.get("email"));
                address.ifPresent(a -> out.add(new EmailAddress(a, Boolean.TRUE.equals(m.get("verified")),
                        Boolean.TRUE.equals(m.get("primary")))));
            }
        }
        out.sort(Comparator.comparing(e -> !e.primary()));
        return out;
    }

    /** {@code /user}'s public address, unverified (nothing says GitHub verified it), or none. */
    static List<EmailAddress> publicEmail(Map<String, Object> user) {
        return text(user.get("email")).map(e -> List.of(new EmailAddress(e, false, true))).orElse(List.of());
    }

    /**
     * {@code GET /user/memberships/orgs/{org}} (needs {@code read:org}): the user's membership state in the
     * organization ({@code active}, {@code pending}), or why there is none: {@code not a member} (404), or
     * {@code forbidden: <GitHub's message>} (403, e.g. the organization restricts OAuth app access).
     */
    String membership(String org) throws ProviderException {
        HTTPResponse response = get("/user/memberships/orgs/" + org);
        int status = response.getStatusCode();
        if (status == 404) {
            return "not a member";
        }
        if (status == 403) {
            return "forbidden" + message(response);
        }
        if (status != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "GitHub GET /user/memberships/orgs/" + org
                    + " answered HTTP " + status + message(response));
        }
        try {
            return text(JSONObjectUtils.parse(body(response)).get("state")).orElse("unknown");
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "GitHub GET /user/memberships/orgs/" + org
                    + " answered with a body that is not a JSON object", e);
        }
    }

    private HTTPResponse get(String path) throws ProviderException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, endpoints.api(path));
        request.setAccept(MEDIA_TYPE);
        request.setHeader("X-GitHub-Api-Version", API_VERSION);
        request.setHeader("User-Agent", USER_AGENT);
        request.setAuthorization("Bearer " + token.getValue());
        return context.clients().http().send(request, "GitHub GET " + path);
    }

    private static String body(HTTPResponse response) {
        return response.getBody() == null ? "" : response.getBody();
    }

    /** GitHub's error {@code message} (e.g. "Bad credentials"), bounded; never the request. */
    private static String message(HTTPResponse response) {
        try {
            return text(JSONObjectUtils.parse(body(response)).get("message"))
                    .map(m -> ": " + (m.length() > 300 ? m.substring(0, 300) + "..." : m)).orElse("");
        } catch (ParseException e) {
            return "";
        }
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
    }
}
