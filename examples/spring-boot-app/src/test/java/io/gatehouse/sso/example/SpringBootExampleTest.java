package io.gatehouse.sso.example;

import io.gatehouse.sso.demo.DemoIdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as a person uses it: the admin area sends them to the login page, the local IdP's login page
 * signs them in with the groups they type, and only the group admin opens the admin area.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootExampleTest {
    private static final LocalServices SERVICES = LocalServices.start("localhost", 0, 0);

    @DynamicPropertySource
    static void localServices(DynamicPropertyRegistry registry) {
        SERVICES.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:example-test;DB_CLOSE_DELAY=-1");
        // the IdP's first answers are slow while a loaded machine warms up
        registry.add("gatehouse.http-timeout-ms", () -> "30000");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Services {
        @Bean(destroyMethod = "")
        LocalServices localServices() {
            return SERVICES;
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @LocalServerPort
    int port;
    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theAdminAreaSendsVisitorsToTheLoginPageWhichOffersTheLocalIdp() {
        HttpResponse<String> admin = get("/admin");

        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(location(admin)).endsWith("/login?next=%2Fadmin");
        assertThat(get(location(admin)).body()).contains("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?next=%2Fadmin")
                .contains("Sign in with " + DemoIdp.APP_NAME);
    }

    @Test
    void aUserTheIdpPutsInTheAdminsGroupOpensTheAdminArea() {
        HttpResponse<String> back = signIn("ada", "{\"email\": \"ada@example.com\", \"email_verified\": true, \"groups\": [\"/demo/admins\"]}");

        assertThat(location(back)).endsWith("/admin");
        HttpResponse<String> admin = get(location(back));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Welcome, ada");
        assertThat(get("/").body()).contains("ROLE_admin");
    }

    @Test
    void aUserWithoutTheGroupIsSignedInButRefusedTheAdminArea() {
        signIn("bea", "{\"email\": \"bea@example.com\", \"email_verified\": true, \"groups\": [\"/demo/staff\"]}");

        assertThat(get("/").body()).contains("Signed in as <strong>bea</strong>").contains("ROLE_staff");
        assertThat(get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void theSsoAdminPagesUnderAdminSsoServeTheAdminGroup() {
        signIn("dee", "{\"email\": \"dee@example.com\", \"email_verified\": true, \"groups\": [\"/demo/admins\"]}");

        HttpResponse<String> admin = get("/admin/sso/");

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Single sign-on administration");
    }

    @Test
    void theSsoAdminPagesRefuseAUserWithoutTheAdminGroupAndSendVisitorsToTheLoginPage() {
        assertThat(get("/admin/sso/").statusCode()).isEqualTo(302);
        signIn("eve", "{\"email\": \"eve@example.com\", \"email_verified\": true, \"groups\": [\"/demo/staff\"]}");

        assertThat(get("/admin/sso/").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        signIn("cy", "{\"email\": \"cy@example.com\", \"email_verified\": true, \"groups\": [\"/demo/admins\"]}");
        assertThat(get("/admin").statusCode()).isEqualTo(200);

        HttpResponse<String> out = post("/logout", Map.of("_csrf", csrfToken(get("/").body())));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(get("/admin").statusCode()).isEqualTo(302);
        assertThat(get("/").body()).contains("Not signed in");
    }

    /** The local IdP's login form posts the user name and the claims; the IdP redirects back to the callback. */
    private HttpResponse<String> signIn(String username, String claims) {
        HttpResponse<String> start = get("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?next=/admin");
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> idp = post(location(start), Map.of("username", username, "claims", claims));
        assertThat(idp.statusCode()).isEqualTo(302);
        HttpResponse<String> callback = get(location(idp));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        return callback;
    }

    private static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in " + html).isTrue();
        return m.group(1);
    }

    private static String location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    private HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
