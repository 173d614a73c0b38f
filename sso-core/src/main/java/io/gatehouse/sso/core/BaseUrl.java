package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.ForwardedHeaders;
import io.gatehouse.sso.core.config.GatehouseConfig;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides the public base URL that callback URLs and the site derive from. A configured
 * {@code site_url} wins. Otherwise the scheme is {@code LOGIN_DEFAULT_HTTP_PROTOCOL} and the host is
 * the request's {@code Host}; proxy headers count only as far as the configuration trusts them
 * ({@link ForwardedHeaders}: all off by default, since any client can send them):
 * {@code trust_forwarded_headers} reads {@code Forwarded} / {@code X-Forwarded-Proto} / {@code X-Forwarded-Host},
 * {@code use_x_forwarded_host} {@code X-Forwarded-Host}, {@code use_x_forwarded_port} {@code X-Forwarded-Port}.
 *
 * <pre>{@code
 * URI base = BaseUrl.resolve(config, request.getHeader("Host"), request.getContextPath(), request::getHeader);
 * }</pre>
 */
public final class BaseUrl {
    private static final Pattern HOST = Pattern.compile("(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\])(:\\d{1,5})?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private BaseUrl() {
    }

    /**
     * @param hostHeader  the request's Host header
     * @param contextPath the application's context path ("" or "/app")
     * @param headers     header look-up by name (null when absent)
     * @throws IllegalArgumentException when no valid host can be determined
     */
    public static URI resolve(GatehouseConfig config, String hostHeader, String contextPath, Function<String, String> headers) {
        if (config.siteUrl().isPresent()) {
            return config.siteUrl().get();
        }
        ForwardedHeaders trust = config.forwardedHeaders();
        Optional<String> forwarded = trust.forwarded() ? Optional.ofNullable(headers.apply("Forwarded")) : Optional.empty();
        String scheme = config.defaultProtocol();
        if (trust.xForwardedProto()) {
            String proto = forwarded.flatMap(f -> forwardedPart(f, "proto")).orElse(first(headers.apply("X-Forwarded-Proto")));
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
        }
        String host = hostHeader;
        if (trust.xForwardedHost()) {
            String fHost = forwarded.flatMap(f -> forwardedPart(f, "host")).orElse(first(headers.apply("X-Forwarded-Host")));
            if (fHost != null && !fHost.isBlank()) {
                host = fHost;
            }
        }
        if (host == null || !HOST.matcher(host.trim()).matches()) {
            throw new IllegalArgumentException("the request has no valid host name");
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        if (trust.xForwardedPort()) {
            host = withForwardedPort(host, scheme, first(headers.apply("X-Forwarded-Port")));
        }
        String path = contextPath == null ? "" : contextPath;
        if (!path.isEmpty() && (!path.startsWith("/") || path.contains("//"))) {
            throw new IllegalArgumentException("invalid context path");
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + host + path);
    }

    /** The host with the proxy's port in place of its own; the scheme's default port is left out, as browsers do. */
    private static String withForwardedPort(String host, String scheme, String port) {
        if (port == null || port.isBlank()) {
            return host;
        }
        int number = PORT.matcher(port).matches() ? Integer.parseInt(port) : 0;
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("the request's X-Forwarded-Port is not a port number");
        }
        int bracket = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        String bare = colon > bracket ? host.substring(0, colon) : host;
        boolean defaultPort = (scheme.equals("https") && number == 443) || (scheme.equals("http") && number == 80);
        return defaultPort ? bare : bare + ":" + number;
    }

    /** {@code host[:port]} of a base URL: the "site" apps are assigned to. */
    public static String siteOf(URI base) {
        return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /** {@code <base>/accounts/<routeId>/login/callback/} */
    public static URI callbackUri(URI base, String routeId) {
        return URI.create(base + "/accounts/" + routeId + "/login/callback/");
    }

    /** {@code <base>/accounts/logout/callback/}: the post-logout redirect URI to register at every IdP. */
    public static URI postLogoutUri(URI base) {
        return URI.create(base + "/accounts/logout/callback/");
    }

    /** {@code <base>/accounts/<routeId>/backchannel-logout/}: the back-channel logout URI to register at the IdP. */
    public static URI backChannelLogoutUri(URI base, String routeId) {
        return URI.create(base + "/accounts/" + routeId + "/backchannel-logout/");
    }

    private static String first(String commaList) {
        if (commaList == null) {
            return null;
        }
        int comma = commaList.indexOf(',');
        return (comma < 0 ? commaList : commaList.substring(0, comma)).trim();
    }

    private static Optional<String> forwardedPart(String header, String name) {
        String firstHop = first(header);
        for (String pair : firstHop.split(";")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase(name)) {
                String v = kv[1].trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
