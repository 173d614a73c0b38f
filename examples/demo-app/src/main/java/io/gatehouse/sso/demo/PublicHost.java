package io.gatehouse.sso.demo;

import java.util.Locale;
import java.util.Set;

/**
 * The host name a browser on this machine uses to reach a server bound to an address: {@code localhost}
 * for loopback and wildcard binds (the social app's site is {@code localhost}), else the address itself.
 *
 * <pre>{@code
 * PublicHost.of("0.0.0.0");   // "localhost"
 * PublicHost.of("10.0.0.5");  // "10.0.0.5"
 * }</pre>
 */
final class PublicHost {
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "::", "[::]", "");

    private PublicHost() {
    }

    static String of(String bindAddress) {
        String bind = bindAddress == null ? "" : bindAddress.trim().toLowerCase(Locale.ROOT);
        if (LOCAL.contains(bind)) {
            return "localhost";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }
}
