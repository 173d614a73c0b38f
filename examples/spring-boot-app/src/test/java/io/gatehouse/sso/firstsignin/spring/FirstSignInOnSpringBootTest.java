package io.gatehouse.sso.firstsignin.spring;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.SettingsStore;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot first sign-in: an application with no Gatehouse code, configured only by
 * {@code first-sign-in.yml} (the README's properties) and the variables they name, signs a user in through a real
 * OpenID Connect server. The login settings are the database's, written here as an administrator would.
 */
@SpringBootTest(classes = FirstSignInOnSpringBootTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=first-sign-in")
class FirstSignInOnSpringBootTest {
    static final String CLIENT_ID = "first-sign-in";
    static final MockOAuth2Server IDP = started();

    @DynamicPropertySource
    static void theVariablesTheReadmeExports(DynamicPropertyRegistry registry) {
        registry.add("OIDC_SERVER_URL", () -> IDP.issuerUrl("corp").toString());
        registry.add("OIDC_CLIENT_ID", () -> CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> "first-sign-in-secret");
        registry.add("SSO_DB_KEYS", () -> "k1:" + SecretKeyRing.generateKey());
        // the IdP's first answers are slow while a loaded machine warms up
        registry.add("gatehouse.http-timeout-ms", () -> "30000");
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    @LocalServerPort
    int port;

    @Test
    void aUserSignsInThroughTheIdpConfiguredByTheReadmesPropertiesAlone() {
        HttpBrowser browser = new HttpBrowser(URI.create("http://localhost:" + port));
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "ada-at-idp", "JWT", List.of(CLIENT_ID), Map.of(
                "email", "ada@example.com", "email_verified", true, "preferred_username", "ada"), 3600));

        HttpResponse<String> start = browser.get("/accounts/corp/login/?next=/me");
        assertThat(HttpBrowser.location(start).toString()).startsWith(IDP.authorizationEndpointUrl("corp").toString());
        HttpResponse<String> callback = browser.get(HttpBrowser.location(browser.get(HttpBrowser.location(start))));
        assertThat(callback.statusCode()).withFailMessage(() -> "callback answered " + callback.statusCode() + ": "
                + callback.body()).isEqualTo(302);
        HttpResponse<String> me = browser.get(HttpBrowser.location(callback));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("Signed in as ada");
    }

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    /** The application: Spring Boot's defaults (an in-memory H2 database, a secured chain), the starter, one page. */
    @SpringBootApplication(proxyBeanMethods = false)
    static class App {
        /** SSO on and sign-up open: live settings in the database, which an administrator would set. */
        @Bean
        ApplicationRunner loginSettings(SettingsStore settings) {
            return args -> Map.of("LOGIN_ENABLE_SSO", "true", "LOGIN_ENABLE_SSO_REG", "true").forEach(settings::put);
        }

        @RestController
        static class Pages {
            @GetMapping("/me")
            String me(Authentication who) {
                return "Signed in as " + who.getName();
            }
        }
    }
}
