package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.core.SafeNext;
import io.gatehouse.sso.core.config.GatehouseConfig;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Where the servlet lives, as the browser sees it. The engine builds its URLs as
 * {@code <base>/accounts/...}, so the servlet must be mapped to a path ending in {@code /accounts/*};
 * anything the mapping puts before {@code /accounts} (the {@code prefix}) joins the base URL. Paths for
 * the browser (redirects, cookie paths) come from the public base URL, which equals the context path
 * unless {@code site_url} says otherwise (a proxy that serves the application under another path).
 *
 * @param appBase public URL of the application root (no trailing slash)
 * @param prefix  servlet-path part before {@code /accounts}, usually empty
 */
record MountPoint(URI appBase, String prefix) {
    static final String ACCOUNTS = "/accounts";

    /**
     * @throws IllegalArgumentException when the request's host is invalid
     * @throws IllegalStateException    when the servlet is not mapped to {@code .../accounts/*}
     */
    static MountPoint of(HttpServletRequest request, GatehouseConfig config) {
        String prefix = prefixOf(request.getServletPath());
        if (prefix == null) {
            throw new IllegalStateException("the SSO servlet must be mapped to a path ending in /accounts/*");
        }
        return of(request, config, prefix);
    }

    /** The mount point of routes mapped at {@code <prefix>/accounts/*}, seen from a request to another path of the host. */
    static MountPoint of(HttpServletRequest request, GatehouseConfig config, String prefix) {
        URI appBase = BaseUrl.resolve(config, request.getHeader("Host"), request.getContextPath(), request::getHeader);
        return new MountPoint(appBase, prefix);
    }

    /** The part of a servlet path before {@code /accounts}, or null when the path does not end in it. */
    static String prefixOf(String servletPath) {
        if (servletPath == null || !servletPath.endsWith(ACCOUNTS)) {
            return null;
        }
        return servletPath.substring(0, servletPath.length() - ACCOUNTS.length());
    }

    /** The base URL handed to the engine: callback URLs are {@code <ssoBase>/accounts/<id>/login/callback/}. */
    URI ssoBase() {
        return prefix.isEmpty() ? appBase : URI.create(appBase + prefix);
    }

    /** Browser path of the application root, "" or e.g. {@code /app}. */
    String appPath() {
        String path = appBase.getRawPath();
        return path == null ? "" : path;
    }

    /** Browser path of {@code /accounts}, e.g. {@code /app/accounts}. */
    String accountsPath() {
        return appPath() + prefix + ACCOUNTS;
    }

    /** Browser path under the SSO base for an engine-given path such as the cookie's {@code /accounts/}. */
    String ssoPath(String path) {
        return appPath() + prefix + path;
    }

    /** A same-origin redirect target for an application-relative {@code next}. */
    String appUrl(String next) {
        return appPath() + SafeNext.of(next);
    }

    boolean https() {
        return "https".equalsIgnoreCase(appBase.getScheme());
    }
}
