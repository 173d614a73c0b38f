package io.gatehouse.sso.security;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.testidp.FakeIdp;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint as a hostile or broken peer, beyond {@code HostileIdTokenTest} (error JSON, HTML
 * error page, time-out, huge body, dead IdP): every answer ends in a typed refusal that names the
 * endpoint but no secret, and nothing is stored.
 */
class TokenEndpointTest {
    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    ErrorRecord refusedWith(MockResponse answer, FailureCode code) {
        SecurityBench.Pending p = bench.begin();
        bench.idp.answerToken(r -> answer);
        return bench.assertRefused(bench.complete(p), code);
    }

    @Test
    void aServerErrorWithAnOAuthErrorBodyIsATypedRefusal() {
        ErrorRecord e = refusedWith(FakeIdp.json(500, "{\"error\":\"server_error\"}"), FailureCode.TOKEN_EXCHANGE_FAILED);

        assertThat(e.info()).contains("error=server_error");
    }

    @Test
    void aServerErrorWithAnEmptyBodyIsATypedRefusal() {
        ErrorRecord e = refusedWith(new MockResponse.Builder().code(500).build(), FailureCode.TOKEN_EXCHANGE_FAILED);

        assertThat(e.info()).contains("/token");
    }

    @Test
    void anOkAnswerThatIsAnHtmlPageIsRefused() {
        refusedWith(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Sign in</body></html>").build(), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void anOkAnswerWithoutAnIdTokenIsRefused() {
        refusedWith(FakeIdp.json(200, "{\"access_token\":\"" + Secrets.accessToken() + "\",\"token_type\":\"Bearer\"}"),
                FailureCode.ID_TOKEN_INVALID);
    }

    @Test
    void anIdTokenThatIsNotAJwtIsRefused() {
        refusedWith(FakeIdp.json(200, "{\"access_token\":\"" + Secrets.accessToken() + "\",\"token_type\":\"Bearer\","
                + "\"id_token\":\"not-a-jwt\"}"), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void anErrorDescriptionEchoingTheCodeAndClientSecretIsRedacted() {
        SecurityBench.Pending p = bench.begin();
        bench.idp.answerToken(r -> FakeIdp.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code "
                + p.code() + " is not valid for client secret " + Secrets.CLIENT_SECRET + "\"}"));

        ErrorRecord e = bench.assertRefused(bench.complete(p), FailureCode.TOKEN_EXCHANGE_FAILED);

        assertThat(e.info()).contains("error=invalid_grant", "(redacted)");
    }

    @Test
    void aRedirectFromTheTokenEndpointIsNotFollowedSoTheCodeGoesNowhereElse() throws IOException {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            SecurityBench.Pending p = bench.begin();
            bench.idp.answerToken(r -> new MockResponse.Builder().code(307)
                    .addHeader("Location", elsewhere.url("/token").toString()).build());

            bench.assertRefused(bench.complete(p), FailureCode.TOKEN_EXCHANGE_FAILED);
            assertThat(elsewhere.getRequestCount()).as("requests that reached the redirect target").isZero();
        }
    }

    @Test
    void aTokenEndpointThatTricklesItsAnswerIsCutOffAtTheTimeOut() {
        // every byte arrives well within the 1.5 s read time-out, the whole answer would take 20 s
        String slow = "{\"access_token\":\"" + "A".repeat(1900) + "\"}";
        long started = System.nanoTime();

        refusedWith(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(slow)
                .throttleBody(100, 1, TimeUnit.SECONDS).build(), FailureCode.IDP_UNREACHABLE);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void theClientSecretTravelsOnlyInTheAuthorizationHeader() {
        SecurityBench.Pending p = bench.begin();
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));
        bench.complete(p);

        assertThat(bench.idp.tokenRequests()).singleElement().satisfies(r -> {
            assertThat(r.getUrl().toString()).doesNotContain(Secrets.CLIENT_SECRET, Secrets.CODE_MARK);
            assertThat(r.getBody().utf8()).doesNotContain(Secrets.CLIENT_SECRET).contains("code_verifier=");
            assertThat(r.getHeaders().get("Authorization")).startsWith("Basic ");
        });
    }
}
