package io.gatehouse.sso.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ways a host registers the servlet: programmatically, container-instantiated as from web.xml, below a prefix. */
class MountingTest {
    static final ObjectMapper JSON = new ObjectMapper();

    MockOAuth2Server idp;
    EngineFixture fx;
    LoginEngine engine;
    TestServer server;
    final HttpBrowser browser = new HttpBrowser();

    @BeforeEach
    void setUp() {
        idp = new MockOAuth2Server();
        idp.start();
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Corp IdP", "inventree", "s3cret-client-value", Map.of("server_url", idp.issuerUrl("corp").toString()));
        engine = fx.engine(new OpenIdConnectBackend());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        idp.shutdown();
    }

    @Test
    void aContainerInstantiatedServletTakesTheEngineFromTheServletContext() throws Exception {
        // what web.xml plus a ServletContextListener amount to
        server = new TestServer(context -> {
            context.addEventListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    event.getServletContext().setAttribute(SsoServlet.ENGINE_ATTRIBUTE, engine);
                }
            });
            ServletHolder holder = new ServletHolder(SsoServlet.class);
            holder.setInitOrder(1);
            context.addServlet(holder, "/accounts/*");
        });

        HttpResponse<String> answer = browser.get(server.uri("/app/accounts/providers"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("providers").get(0).get("login_url").asText())
                .isEqualTo(server.origin() + "/app/accounts/openid_connect/login/");
    }

    @Test
    void aServletMappedBelowAPrefixBuildsItsUrlsAndCookiePathFromIt() {
        server = new TestServer(context -> context.addServlet(new ServletHolder(SsoServlet.builder(engine).build()), "/sso/accounts/*"));

        HttpResponse<String> start = browser.get(server.uri("/app/sso/accounts/openid_connect/login/"));

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(LoginDance.query(HttpBrowser.location(start)).get("redirect_uri"))
                .containsExactly(server.origin() + "/app/sso/accounts/openid_connect/login/callback/");
        assertThat(HttpBrowser.setCookie(start, "gatehouse_tx_").orElseThrow()).contains("Path=/app/sso/accounts/");
    }

    @Test
    void aServletMappedOutsideAccountsAnswersAnErrorPageNotAStackTrace() {
        server = new TestServer(context -> context.addServlet(new ServletHolder(SsoServlet.builder(engine).build()), "/login/*"));

        HttpResponse<String> answer = browser.get(server.uri("/app/login/openid_connect/login/"));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("internal_error");
        SsoServletTest.assertNoStackTrace(answer.body());
    }
}
