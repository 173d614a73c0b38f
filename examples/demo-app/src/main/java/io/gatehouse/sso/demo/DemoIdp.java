package io.gatehouse.sso.demo;

import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local "Demo IdP": an in-JVM OpenID Connect provider (mock-oauth2-server with interactive login), so
 * sign-in, registration and group sync can be watched without an account anywhere. Its login page asks for
 * a user name, email, names and groups, and turns them into the ID token's claims; a "Deny access" button
 * answers the application with {@code error=access_denied}, as a real IdP does when consent is refused.
 *
 * <pre>{@code
 * try (DemoIdp idp = DemoIdp.start("localhost", 8001)) {
 *     idp.issuer();                       // http://localhost:8001/demo
 *     idp.registerSocialApp(apps);        // the openid_connect app "Demo IdP", provider id "demo"
 * }
 * }</pre>
 */
public final class DemoIdp implements AutoCloseable {
    /** The social application's provider id, so its URLs are {@code /accounts/demo/login/}. */
    public static final String PROVIDER_ID = "demo";
    /** The social application's name. */
    public static final String APP_NAME = "Demo IdP";
    /** The client id the app uses; the mock accepts any client and any secret. */
    public static final String CLIENT_ID = "gatehouse-demo";
    private static final String ISSUER_ID = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIdp.class);

    private final MockOAuth2Server server;
    private final Path loginPage;
    private final URI issuer;

    private DemoIdp(MockOAuth2Server server, Path loginPage, URI issuer) {
        this.server = server;
        this.loginPage = loginPage;
        this.issuer = issuer;
    }

    /**
     * Starts the IdP.
     *
     * @param bindAddress host name or address to listen on
     * @param port        port, or 0 for any free one
     */
    public static DemoIdp start(String bindAddress, int port) {
        Path page = loginPageFile();
        // interactive login with our own page (mock-oauth2-server reads it from a file, as-is)
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true, page.toString()));
        try {
            server.start(InetAddress.getByName(bindAddress), port);
        } catch (IOException e) {
            throw new UncheckedIOException("The Demo IdP cannot listen on " + bindAddress + ":" + port, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The Demo IdP cannot listen on " + bindAddress + ":" + port
                    + " (set DEMO_IDP_PORT to a free port, or DEMO_IDP=off)", e);
        }
        URI issuer = URI.create("http://" + PublicHost.of(bindAddress) + ":" + server.baseUrl().port() + "/" + ISSUER_ID);
        LOG.info("Demo IdP (mock-oauth2-server) listening; issuer {}", issuer);
        return new DemoIdp(server, page, issuer);
    }

    private static Path loginPageFile() {
        try (InputStream in = DemoIdp.class.getResourceAsStream("idp-login.html")) {
            if (in == null) {
                throw new IllegalStateException("idp-login.html is missing from the demo's resources");
            }
            Path file = Files.createTempFile("gatehouse-demo-idp-login", ".html");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("The Demo IdP's login page cannot be written to a temporary file", e);
        }
    }

    /** The issuer, which is also the discovery base: {@code <issuer>/.well-known/openid-configuration}. */
    public URI issuer() {
        return issuer;
    }

    /** The port the IdP listens on. */
    public int port() {
        return server.baseUrl().port();
    }

    /**
     * Makes sure the social application for this IdP exists and points at it: created when missing
     * (an {@code openid_connect} app, provider id {@value #PROVIDER_ID}, site {@code localhost}); when it
     * exists (a kept database) only its {@code server_url} is brought up to date (the port may differ), so an
     * admin's other edits stay.
     *
     * @return the stored app
     */
    public SocialApp registerSocialApp(SocialAppRepository apps) {
        Optional<SocialApp> existing = apps.findByProvider("openid_connect").stream()
                .filter(app -> app.providerId().equals(PROVIDER_ID)).findFirst();
        if (existing.isPresent()) {
            SocialApp app = existing.get();
            Map<String, Object> settings = new LinkedHashMap<>(app.settings());
            settings.put("server_url", issuer.toString());
            return apps.save(app.toBuilder().settings(settings).build());
        }
        return apps.save(SocialApp.builder("openid_connect").providerId(PROVIDER_ID).name(APP_NAME).clientId(CLIENT_ID)
                .secret("demo-secret-not-checked-by-the-demo-idp")
                .settings(Map.of("server_url", issuer.toString(), "scope", "openid email profile")).sites("localhost").build());
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            Files.deleteIfExists(loginPage);
        } catch (IOException e) {
            LOG.debug("Demo IdP login page {} not deleted: {}", loginPage, e.toString());
        }
    }
}
