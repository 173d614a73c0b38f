package io.gatehouse.sso.firstsignin;

import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.User;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's one-file app, started as a newcomer starts it (its own JVM, configured only through environment
 * variables, in a fresh working directory) against a real OpenID Connect server, and signed into over HTTP.
 */
class FirstSignInTest {
    static final String CLIENT_ID = "first-sign-in";
    static final String DB_KEYS = "k1:" + SecretKeyRing.generateKey();

    @TempDir
    Path workDir;
    MockOAuth2Server idp;
    Process app;
    HttpBrowser browser;

    @BeforeEach
    void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start();
        int port = freePort();
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FirstSignIn.class.getName());
        // the variables README's step 4 exports, pointed at the test IdP
        java.environment().putAll(Map.of("PORT", Integer.toString(port), "OIDC_SERVER_URL", idp.issuerUrl("corp").toString(),
                "OIDC_CLIENT_ID", CLIENT_ID, "OIDC_CLIENT_SECRET", "first-sign-in-secret", "SSO_DB_KEYS", DB_KEYS,
                "SSO_EMAIL_HOST", "localhost", "SSO_EMAIL_SENDER", "noreply@example.com"));
        app = java.directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile()).start();
        awaitListening(port);
        browser = new HttpBrowser(URI.create("http://localhost:" + port));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly().waitFor();
        }
        idp.shutdown();
    }

    @Test
    void aNewcomerSignsInThroughTheIdpAndTheHomePageShowsTheNewUser() throws Exception {
        assertThat(browser.get("/").body()).contains("Sign in at /accounts/corp/login/");
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "ada-at-idp", "JWT", List.of(CLIENT_ID), Map.of(
                "email", "ada@example.com", "email_verified", true, "preferred_username", "ada"), 3600));

        HttpResponse<String> start = browser.get("/accounts/corp/login/");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(start).toString()).startsWith(idp.authorizationEndpointUrl("corp").toString());
        HttpResponse<String> atIdp = browser.get(HttpBrowser.location(start));
        HttpResponse<String> callback = browser.get(HttpBrowser.location(atIdp));
        assertThat(callback.statusCode()).withFailMessage(() -> "callback answered " + callback.statusCode() + ": "
                + callback.body() + "\n" + log()).isEqualTo(302);
        HttpResponse<String> home = browser.get(HttpBrowser.location(callback));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).startsWith("Signed in as user ");
        String userId = home.body().substring("Signed in as user ".length()).strip();
        app.destroyForcibly().waitFor();   // H2 lets one process at a time open the file
        app = null;
        JdbcStores stored = JdbcStores.create(EmbeddedH2.file(workDir.resolve("data/gatehouse")), SecretKeyRing.parse(DB_KEYS));
        assertThat(stored.users().findById(userId)).map(User::email).hasValue("ada@example.com");
        assertThat(stored.socialApps().findByProvider("openid_connect")).singleElement()
                .satisfies(a -> assertThat(a.clientId()).isEqualTo(CLIENT_ID));
    }

    private String log() {
        try {
            return Files.readString(workDir.resolve("app.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("FirstSignIn exited with " + app.exitValue() + ":\n" + log());
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("FirstSignIn did not listen on " + port + " within two minutes:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
