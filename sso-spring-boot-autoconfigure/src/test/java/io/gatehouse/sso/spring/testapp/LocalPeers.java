package io.gatehouse.sso.spring.testapp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real peers of the Spring Boot tests: an OpenID Connect server (mock-oauth2-server) and an SMTP server
 * (GreenMail), both on loopback, with the properties that point the application at them.
 */
public final class LocalPeers implements AutoCloseable {
    public static final String PROVIDER = "corp";
    public static final String CLIENT_ID = "spring-app";
    private static final String ISSUER_ID = "corp";

    public final MockOAuth2Server idp = new MockOAuth2Server();
    public final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public LocalPeers() {
        idp.start();
        mail.start();
    }

    public String issuer() {
        return idp.issuerUrl(ISSUER_ID).toString();
    }

    /** {@code social_providers} with one configured OpenID Connect app, {@value #PROVIDER}, at this IdP. */
    public String socialProviders() {
        return "{\"openid_connect\": {\"APPS\": [{\"provider_id\": \"" + PROVIDER + "\", \"name\": \"Corp\", \"client_id\": \""
                + CLIENT_ID + "\", \"secret\": \"corp-client-secret\", \"settings\": {\"server_url\": \"" + issuer() + "\"}}]}}";
    }

    /** Everything a test application needs: the IdP app, mail, a fresh H2 database and a key ring. */
    public void register(DynamicPropertyRegistry registry, String database) {
        registry.add("gatehouse.social-backends", () -> "openid_connect");
        registry.add("gatehouse.social-providers", this::socialProviders);
        registry.add("gatehouse.secret-keys", () -> "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        registry.add("gatehouse.email-sender", () -> "App <noreply@example.com>");
        // generous: the IdP's first answers are slow while a loaded machine warms its JIT up
        registry.add("gatehouse.http-timeout-ms", () -> "30000");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    }

    /** The IdP's next token answer carries these claims for {@code subject} (email verified, username). */
    public void nextLoginIs(String subject, Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.putIfAbsent("email", subject + "@example.com");
        all.putIfAbsent("email_verified", true);
        all.putIfAbsent("preferred_username", subject);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), all, 3600));
    }

    /**
     * A back-channel logout token of this IdP for {@code subject} (Back-Channel Logout 1.0 section 2.4): signed with
     * the IdP's published key, typed {@code logout+jwt}, our client as audience, the logout event, a fresh {@code jti}.
     */
    public String logoutToken(String subject) {
        return idp.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "logout+jwt",
                List.of(CLIENT_ID), Map.of("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())),
                120)).serialize();
    }

    @Override
    public void close() {
        idp.shutdown();
        mail.stop();
    }
}
