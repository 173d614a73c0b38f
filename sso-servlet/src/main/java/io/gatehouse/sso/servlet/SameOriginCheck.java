package io.gatehouse.sso.servlet;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Locale;

/**
 * The default {@link CsrfCheck}: a POST must carry an {@code Origin} header naming the application's
 * public origin (scheme, host and port of the base URL); when a browser sends no {@code Origin}, its
 * {@code Referer} must start with that origin. A request with neither is refused: every current browser
 * sends {@code Origin} on a POST, so its absence means a non-browser client or a stripped request.
 *
 * <pre>{@code
 * new SameOriginCheck().allows(request, URI.create("https://sso.example.com/app")); // Origin: https://sso.example.com -> true
 * }</pre>
 */
public final class SameOriginCheck implements CsrfCheck {

    @Override
    public boolean allows(HttpServletRequest request, URI baseUrl) {
        String expected = origin(baseUrl);
        if (expected == null) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            // "null" (sandboxed frames, some redirects) never matches
            return expected.equals(origin(parse(origin.trim())));
        }
        String referer = request.getHeader("Referer");
        return referer != null && expected.equals(origin(parse(referer.trim())));
    }

    private static URI parse(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code scheme://host[:port]} with the default port left out, so both spellings compare equal. */
    static String origin(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
