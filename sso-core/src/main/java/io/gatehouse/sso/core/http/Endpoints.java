package io.gatehouse.sso.core.http;

import java.net.URI;

/** How an IdP endpoint is named in messages: scheme, host, port and path, never the query (it may carry a code). */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * {@code https://idp.example.com/token} for {@code https://idp.example.com/token?code=...}.
     *
     * @param uri the URL called
     * @return the URL without query and fragment, safe to log
     */
    public static String of(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static String withoutQuery(String url) {
        int cut = url.indexOf('?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    /** A message with the request's query and fragment taken out, wherever the JDK put them. */
    static String scrub(String message, URI uri) {
        String out = message;
        for (String part : new String[] {uri.getRawQuery(), uri.getQuery(), uri.getRawFragment()}) {
            if (part != null && !part.isEmpty()) {
                out = out.replace(part, "(redacted)");
            }
        }
        return out;
    }
}
