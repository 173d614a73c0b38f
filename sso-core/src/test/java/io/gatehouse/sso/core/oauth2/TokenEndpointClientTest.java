package io.gatehouse.sso.core.oauth2;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.http.IdpHttpClient;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testidp.FakeServers;
import io.gatehouse.sso.testkit.AdjustableClock;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token endpoint client every provider shares, against a server answering as OIDC IdPs and GitHub do. */
class TokenEndpointClientTest {
    static final URI CALLBACK = URI.create("http://localhost:8000/accounts/corp/login/callback/");
    static final CodeExchange EXCHANGE = new CodeExchange("the-authorization-code", "verifier-0123456789abcdefghijklmnopqrstuvwxyz", "n");

    final MockWebServer server = new MockWebServer();
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-01-01T10:00:00Z"));
    final TokenEndpointClient client = new TokenEndpointClient(new IdpHttpClient(Duration.ofSeconds(2), 1 << 20), clock);
    final ProviderContext context = context("client-secret-value", Map.of());
    URI endpoint;

    static ProviderContext context(String secret, Map<String, Object> settings) {
        SocialApp app = SocialApp.builder("openid_connect").id("1").name("Corp").clientId("client-1").secret(secret)
                .settings(settings).build();
        return new ProviderContext(app, ProviderSettings.of(settings), CALLBACK, IdpClients.create(Duration.ofSeconds(5), Clock.systemUTC()));
    }

    @BeforeEach
    void start() {
        FakeServers.start(server);
        endpoint = URI.create(FakeServers.origin(server) + "/token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    IssuedTokens exchange(MockResponse answer) throws ProviderException {
        server.enqueue(answer);
        return client.exchangeCode(endpoint, TokenEndpointAuth.of(context, List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)),
                context, EXCHANGE);
    }

    ProviderException refused(MockResponse answer) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> exchange(answer));
        assertThat(e).as("expected a refusal").isNotNull();
        assertThat(e.getMessage()).doesNotContain("the-authorization-code", "client-secret-value", "verifier-0123");
        return e;
    }

    @Test
    void theCodeGrantCarriesCodeCallbackAndVerifierAndAsksForJson() throws Exception {
        IssuedTokens tokens = exchange(FakeIdp.json(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":60,"
                + "\"refresh_token\":\"rt-1\"}"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
        assertThat(request.getBody().utf8()).contains("grant_type=authorization_code", "code=the-authorization-code",
                "code_verifier=verifier-0123456789abcdefghijklmnopqrstuvwxyz", "redirect_uri=http%3A%2F%2Flocalhost%3A8000");
        assertThat(tokens.idToken()).isNull();
        assertThat(tokens.stored().accessToken()).isEqualTo("at-1");
        assertThat(tokens.stored().refreshToken()).isEqualTo("rt-1");
        assertThat(tokens.stored().expiresAt()).isEqualTo(Instant.parse("2026-01-01T10:01:00Z"));
    }

    @Test
    void anErrorAnsweredWithHttp200IsARefusalNamingTheErrorAndTheHint() {
        ProviderException e = refused(FakeIdp.json(200, "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}"));

        assertThat(e.code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(e.getMessage()).contains("refused the code (HTTP 200) with error=bad_verification_code: The code passed",
                "the user should sign in again");
    }

    @Test
    void aRedirectUriMismatchNamesTheCallbackToRegister() {
        assertThat(refused(FakeIdp.json(400, "{\"error\":\"redirect_uri_mismatch\"}")).getMessage()).contains("register " + CALLBACK);
    }

    @Test
    void anInvalidClientNamesTheApplicationToCheck() {
        assertThat(refused(FakeIdp.json(401, "{\"error\":\"invalid_client\"}")).getMessage())
                .contains("HTTP 401", "check the client id and secret of social application 'Corp'");
    }

    @Test
    void anHtmlErrorPageIsATokenExchangeFailureDescribingIt() {
        ProviderException e = refused(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body("<html>Bad gateway</html>").build());

        assertThat(e.code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(e.getMessage()).contains("/token answered HTTP 502 (text/html, 24 characters)");
    }

    @Test
    void anOkAnswerThatIsNoJsonIsAnInvalidResponse() {
        ProviderException e = refused(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/x-www-form-urlencoded")
                .body("access_token=at-secret&token_type=bearer").build());

        assertThat(e.code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
        assertThat(e.getMessage()).doesNotContain("at-secret");
    }

    @Test
    void anOkJsonAnswerWithoutAnAccessTokenIsAnInvalidResponse() {
        assertThat(refused(FakeIdp.json(200, "{\"token_type\":\"Bearer\"}")).code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void clientSecretPostIsChosenWhenTheIdpAdvertisesOnlyIt() throws Exception {
        server.enqueue(FakeIdp.json(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}"));

        client.exchangeCode(endpoint, TokenEndpointAuth.of(context, List.of(ClientAuthenticationMethod.CLIENT_SECRET_POST)), context, EXCHANGE);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getBody().utf8()).contains("client_id=client-1", "client_secret=client-secret-value");
    }

    @Test
    void anUnknownTokenAuthMethodIsAConfigurationError() {
        ProviderContext jwt = context("s", Map.of("token_auth_method", "private_key_jwt"));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> TokenEndpointAuth.of(jwt, null));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("private_key_jwt");
    }
}
