package io.gatehouse.sso.core.config;

/**
 * Which proxy headers may set the public base URL when {@code site_url} is not configured. Each is off by
 * default: any client can send them, so only a proxy that overwrites them makes them trustworthy.
 *
 * <ul>
 *   <li>{@code trust_forwarded_headers}: {@code Forwarded} (RFC 7239), {@code X-Forwarded-Proto} and
 *       {@code X-Forwarded-Host};</li>
 *   <li>{@code use_x_forwarded_host} (InvenTree's, Django's {@code USE_X_FORWARDED_HOST}): {@code X-Forwarded-Host}
 *       in preference to {@code Host};</li>
 *   <li>{@code use_x_forwarded_port} (InvenTree's, Django's {@code USE_X_FORWARDED_PORT}): {@code X-Forwarded-Port}
 *       in preference to the port the request arrived on (the port in {@code Host}).</li>
 * </ul>
 *
 * <pre>{@code
 * ForwardedHeaders trust = ForwardedHeaders.read(values);
 * trust.xForwardedHost(); // true with use_x_forwarded_host: true
 * }</pre>
 *
 * @param forwarded      the standard {@code Forwarded} header ({@code proto=} and {@code host=})
 * @param xForwardedProto {@code X-Forwarded-Proto} sets the scheme
 * @param xForwardedHost {@code X-Forwarded-Host} sets the host (and port, when it names one)
 * @param xForwardedPort {@code X-Forwarded-Port} sets the port
 */
public record ForwardedHeaders(boolean forwarded, boolean xForwardedProto, boolean xForwardedHost, boolean xForwardedPort) {

    /** No proxy header is trusted: the base URL comes from {@code Host} and {@code LOGIN_DEFAULT_HTTP_PROTOCOL}. */
    public static final ForwardedHeaders NONE = new ForwardedHeaders(false, false, false, false);

    /**
     * Reads {@code trust_forwarded_headers}, {@code use_x_forwarded_host} and {@code use_x_forwarded_port}.
     *
     * @param values the start-up configuration
     * @return which forwarded headers to trust; none by default
     */
    public static ForwardedHeaders read(ConfigValues values) {
        boolean all = values.bool(ConfigKey.TRUST_FORWARDED_HEADERS, false);
        return new ForwardedHeaders(all, all, all || values.bool(ConfigKey.USE_X_FORWARDED_HOST, false),
                values.bool(ConfigKey.USE_X_FORWARDED_PORT, false));
    }
}
