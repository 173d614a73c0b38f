package io.gatehouse.sso.servlet;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plays the browser: keeps cookies, never follows redirects on its own (tests follow each hop and
 * assert it), and sends extra headers as name/value pairs.
 */
final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        return send(b, headers);
    }

    HttpResponse<String> post(URI uri, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        return send(b, headers);
    }

    /** The redirect target of a response, resolved against its request. */
    static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header on HTTP " + response.statusCode()));
        return response.uri().resolve(location);
    }

    /** The Set-Cookie header for a cookie name starting with {@code prefix}. */
    static Optional<String> setCookie(HttpResponse<?> response, String prefix) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).findFirst();
    }

    List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** The {@code Cookie} header this browser sends to {@code uri}, as its HTTP client computes it ("" for none). */
    String cookieHeader(URI uri) {
        try {
            return String.join("; ", cookies.get(uri, Map.of()).getOrDefault("Cookie", List.of()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Optional<String> cookie(String name) {
        return cookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
