package io.gatehouse.sso.keycloak;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a browser: keeps the cookies of the application and of Keycloak, follows no redirect on its own (tests follow
 * each hop), and fills in Keycloak's own login form ({@code #kc-form-login}) like a user.
 */
final class KeycloakBrowser {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send it {@code Secure} cookies (Keycloak marks its
     * {@code AUTH_SESSION_ID} Secure, SameSite=None); the JDK's cookie manager sends them over https only.
     */
    private static final class LoopbackIsSecure extends CookieManager {
        LoopbackIsSecure() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            boolean loopback = "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost());
            return super.get(loopback ? URI.create("https" + uri.toString().substring(4)) : uri, requestHeaders);
        }
    }

    HttpResponse<String> get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    HttpResponse<String> post(URI uri, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Whether a page is Keycloak's password form. */
    static boolean isLoginForm(HttpResponse<String> page) {
        return page.statusCode() == 200 && LOGIN_FORM.matcher(page.body()).find();
    }

    /** Types the user's name and password into Keycloak's login form and submits it; the answer is Keycloak's. */
    HttpResponse<String> submitLoginForm(HttpResponse<String> page, String username, String password) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (page.statusCode() != 200 || !form.find()) {
            throw new AssertionError("not Keycloak's login form: HTTP " + page.statusCode());
        }
        URI action = page.uri().resolve(form.group(1).replace("&amp;", "&"));
        return post(action, Map.of("username", username, "password", password, "credentialId", ""));
    }

    /** The redirect target of an answer, resolved against its request. */
    static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header on HTTP " + response.statusCode()));
        return response.uri().resolve(location);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
