package io.gatehouse.sso.core.diagnostics;

import io.gatehouse.sso.core.i18n.Message;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The callback URL Gatehouse sends for this site, which must be registered at the IdP exactly: a warning when
 * it is plain {@code http} on a host other than the local machine (behind a TLS proxy that means the scheme is
 * derived wrongly, and IdPs refuse or leak codes over plain http).
 */
final class CallbackUrlCheck {
    static final String ID = "callback_url";
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private CallbackUrlCheck() {
    }

    static CheckResult check(URI callback) {
        String host = callback.getHost() == null ? "" : callback.getHost().toLowerCase(Locale.ROOT);
        if ("http".equalsIgnoreCase(callback.getScheme()) && !LOCAL.contains(host) && !host.endsWith(".localhost")) {
            return CheckResult.warn(ID, Message.of("check.callback_url.http", callback, host),
                    Message.of("check.callback_url.http.fix"));
        }
        return CheckResult.pass(ID, Message.of("check.callback_url.pass", callback));
    }
}
