package io.gatehouse.sso.provider.github;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where one app's GitHub lives: github.com by default; a GitHub Enterprise Server through
 * {@code GITHUB_URL} (web at {@code <url>/login/oauth/...}, REST API at {@code <url>/api/v3}); and each
 * URL on its own through {@code authorize_url}, {@code token_url} and {@code api_url} (which also covers
 * GitHub Enterprise Cloud with data residency, whose API is {@code https://api.<subdomain>.ghe.com}).
 *
 * @param authorize the authorization endpoint the browser is sent to
 * @param token     the token endpoint
 * @param api       the REST API base, without a trailing slash
 */
record GitHubEndpoints(URI authorize, URI token, URI api) {
    static final String GITHUB_COM = "https://github.com";
    static final String GITHUB_COM_API = "https://api.github.com";

    static GitHubEndpoints of(ProviderContext context) throws ProviderException {
        ProviderSettings s = context.settings();
        String web = s.string("GITHUB_URL").map(GitHubEndpoints::stripSlash).orElse(GITHUB_COM);
        // github.com's API has its own host; a GitHub Enterprise Server serves it under /api/v3
        String api = GITHUB_COM.equalsIgnoreCase(web) ? GITHUB_COM_API : web + "/api/v3";
        return new GitHubEndpoints(
                url(context, "authorize_url", s.string("authorize_url"), web + "/login/oauth/authorize"),
                url(context, "token_url", s.string("token_url"), web + "/login/oauth/access_token"),
                url(context, "api_url", s.string("api_url").map(GitHubEndpoints::stripSlash), api));
    }

    /** An API URL, e.g. {@code api("/user")}. */
    URI api(String path) {
        return URI.create(api + path);
    }

    private static URI url(ProviderContext context, String key, Optional<String> configured, String derived)
            throws ProviderException {
        String value = configured.orElse(derived);
        String named = configured.isPresent() ? key : "GITHUB_URL";
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "': " + named + " must be an absolute http(s) URL such as https://github.example.com, not '" + value + "'");
        }
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
