package io.gatehouse.sso.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a browser over plain HTTP: keeps cookies, never follows redirects by itself (tests follow and
 * check each hop), and reads the CSRF token out of a page the way a form would carry it.
 */
final class HttpBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"" + SessionCsrfTokens.FIELD + "\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    HttpBrowser(URI base) {
        this.base = base;
    }

    URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Posts the form with the CSRF token of the page at {@code pagePath} added. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put(SessionCsrfTokens.FIELD, csrfToken(get(pagePath).body()));
        return post(action, withToken);
    }

    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in the page:\n" + html);
        }
        return m.group(1);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .map(l -> response.uri().resolve(l).toString())
                .orElseThrow(() -> new AssertionError("no Location on HTTP " + response.statusCode() + ": " + response.body()));
    }

    /** Signs the administrator in. */
    void signInAsAdmin(String password) {
        HttpResponse<String> answer = submit("/admin/login", "/admin/login", Map.of("username", "admin", "password", password));
        if (answer.statusCode() != 303) {
            throw new AssertionError("admin sign-in failed: HTTP " + answer.statusCode());
        }
    }

    /**
     * Signs a user in through the Demo IdP's interactive login (what its page's form posts: a user name and
     * the claims as JSON); returns the answer of the application's callback.
     */
    HttpResponse<String> signInThroughDemoIdp(String username, String claimsJson) {
        HttpResponse<String> start = get("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?next=/");
        if (start.statusCode() != 302) {
            throw new AssertionError("login did not start: HTTP " + start.statusCode() + " " + start.body());
        }
        HttpResponse<String> idp = post(location(start), Map.of("username", username, "claims", claimsJson));
        if (idp.statusCode() != 302) {
            throw new AssertionError("the Demo IdP did not answer with a redirect: HTTP " + idp.statusCode() + " " + idp.body());
        }
        return get(location(idp));
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
