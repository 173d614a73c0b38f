package io.gatehouse.sso.servlet;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One of the servlet's routes, parsed from the path below {@code /accounts}. A trailing slash is
 * optional, as in allauth's URLs it is the canonical form.
 *
 * @param kind     which route
 * @param provider the provider route id ({@code LOGIN}, {@code CALLBACK}, {@code DISCONNECT}, {@code BACKCHANNEL_LOGOUT}), else null
 * @param token    the confirmation token ({@code CONFIRM_EMAIL}), else null
 */
record Route(Kind kind, String provider, String token) {
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    // a sealed token: base64url segments joined by dots
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,8192}");

    enum Kind {
        PROVIDERS("GET"), LOGIN("GET, POST"), CALLBACK("GET"), DISCONNECT("POST"), CONFIRM_EMAIL("GET, POST"), SIGNUP("GET, POST"),
        LOGOUT("POST"), LOGOUT_CALLBACK("GET"),
        /** The IdP posts here server to server: no browser, so no Origin to check; the signed logout token is the proof. */
        BACKCHANNEL_LOGOUT("POST", false);

        private final String allow;
        private final boolean csrfChecked;

        Kind(String allow) {
            this(allow, true);
        }

        Kind(String allow, boolean csrfChecked) {
            this.allow = allow;
            this.csrfChecked = csrfChecked;
        }

        /** Whether a POST here must pass the {@link CsrfCheck}. */
        boolean csrfChecked() {
            return csrfChecked;
        }

        /** The {@code Allow} header value. */
        String allow() {
            return allow;
        }

        boolean allows(String method) {
            return allow.contains(method);
        }
    }

    /** The route for a servlet path-info ({@code /github/login/}), or empty when none matches. */
    static Optional<Route> parse(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        String path = pathInfo.substring(1);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] s = path.split("/", -1);
        if (s.length == 1 && s[0].equals("providers")) {
            return Optional.of(new Route(Kind.PROVIDERS, null, null));
        }
        if (s.length == 1 && s[0].equals("signup")) {
            return Optional.of(new Route(Kind.SIGNUP, null, null));
        }
        if (s.length == 1 && s[0].equals("logout")) {
            return Optional.of(new Route(Kind.LOGOUT, null, null));
        }
        if (s.length == 2 && s[0].equals("logout") && s[1].equals("callback")) {
            return Optional.of(new Route(Kind.LOGOUT_CALLBACK, null, null));
        }
        if (s.length == 2 && s[0].equals("confirm-email") && TOKEN.matcher(s[1]).matches()) {
            return Optional.of(new Route(Kind.CONFIRM_EMAIL, null, s[1]));
        }
        if (s.length >= 2 && PROVIDER.matcher(s[0]).matches()) {
            if (s.length == 2 && s[1].equals("login")) {
                return Optional.of(new Route(Kind.LOGIN, s[0], null));
            }
            if (s.length == 3 && s[1].equals("login") && s[2].equals("callback")) {
                return Optional.of(new Route(Kind.CALLBACK, s[0], null));
            }
            if (s.length == 2 && s[1].equals("disconnect")) {
                return Optional.of(new Route(Kind.DISCONNECT, s[0], null));
            }
            if (s.length == 2 && s[1].equals("backchannel-logout")) {
                return Optional.of(new Route(Kind.BACKCHANNEL_LOGOUT, s[0], null));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        // the token is a bearer secret: keep it out of logs
        return "Route[" + kind + (provider == null ? "" : " " + provider) + "]";
    }
}
