package io.gatehouse.sso.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Makes a {@code next} parameter safe to redirect to: only a same-origin absolute path survives.
 * Absolute URLs, protocol-relative {@code //evil}, backslash tricks {@code /\evil}, their
 * percent-encoded forms, control characters and over-long values all become {@code /}.
 *
 * <pre>{@code
 * SafeNext.of("/parts/?q=1");        // "/parts/?q=1"
 * SafeNext.of("https://evil.example"); // "/"
 * SafeNext.of("/%2F%2Fevil.example");  // "/"
 * }</pre>
 */
public final class SafeNext {
    private static final int MAX_LENGTH = 2048;

    private SafeNext() {
    }

    /**
     * The {@code next} to redirect to after a login: a same-origin path, or {@code /} for anything else (absolute or
     * scheme-relative URLs, back-slashes, control characters, overlong values).
     *
     * @param next the requested path, or null
     * @return a safe path; never null
     */
    public static String of(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return "/";
        }
        String decoded = next;
        // decode repeatedly: browsers and proxies may decode more than once
        for (int i = 0; i < 3; i++) {
            if (!isSafe(decoded)) {
                return "/";
            }
            String again;
            try {
                again = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "/";
            }
            if (again.equals(decoded)) {
                break;
            }
            decoded = again;
        }
        return isSafe(decoded) ? next : "/";
    }

    private static boolean isSafe(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
