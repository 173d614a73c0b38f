package io.gatehouse.sso.spring.testapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a browser over plain HTTP: keeps cookies (for the application and the IdP alike), never follows a
 * redirect by itself, so tests check each hop, and reads Spring Security's CSRF token out of a page.
 */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Browser(URI base) {
        this.base = base;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Follows the {@code Location} of a redirect. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(location(redirect));
    }

    /** Starts a login at the application and lets the (non-interactive) IdP answer; returns the callback's answer. */
    public HttpResponse<String> signIn(String provider, String next) {
        HttpResponse<String> start = get("/accounts/" + provider + "/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        if (start.statusCode() != 302) {
            throw new AssertionError("the login did not start: HTTP " + start.statusCode() + " " + start.body());
        }
        HttpResponse<String> idp = follow(start);
        if (idp.statusCode() != 302) {
            throw new AssertionError("the IdP did not redirect back: HTTP " + idp.statusCode() + " " + idp.body());
        }
        return follow(idp);
    }

    /** The CSRF token of a page Spring Security rendered (or Gatehouse rendered with Spring's token). */
    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in the page:\n" + html);
        }
        return m.group(1).replace("&#x3D;", "=").replace("&#61;", "=");
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> response.uri().resolve(l).toString())
                .orElseThrow(() -> new AssertionError("no Location on HTTP " + response.statusCode()));
    }

    /** The application's session cookie, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
