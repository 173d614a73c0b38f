package io.gatehouse.sso.benchmarks.cluster;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One virtual user's cookies for the application's public host, as a browser keeps them: set by {@code Set-Cookie},
 * removed by {@code Max-Age=0}, all sent back to the application (every request the harness makes is under
 * {@code /app}, the widest cookie path). One jar per user lets the users share one HTTP client.
 */
final class CookieJar {
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    /** The {@code Cookie} header to send, or "" for none. */
    String header() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Applies the response's {@code Set-Cookie} headers. */
    void store(HttpResponse<?> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            if (setCookie.toLowerCase(Locale.ROOT).replace(" ", "").contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, pair.substring(eq + 1).trim());
            }
        }
    }

    /** How many cookies whose name starts with {@code prefix} are kept. */
    long count(String prefix) {
        return cookies.keySet().stream().filter(n -> n.startsWith(prefix)).count();
    }

    /** Forgets everything: the user closes the browser. */
    void clear() {
        cookies.clear();
    }
}
