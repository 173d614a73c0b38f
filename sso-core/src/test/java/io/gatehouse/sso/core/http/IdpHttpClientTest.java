package io.gatehouse.sso.core.http;

import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.testidp.FakeServers;
import io.gatehouse.sso.testidp.SelfSignedTls;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one HTTP client to IdPs, against a real server: kept-alive connections, the total deadline, the body limit, no redirects. */
class IdpHttpClientTest {
    static final Duration DEADLINE = Duration.ofMillis(1500);

    final MockWebServer server = new MockWebServer();
    final IdpHttpClient http = new IdpHttpClient(DEADLINE, 64 * 1024);

    @AfterEach
    void stop() {
        server.close();
    }

    URI start(String path) {
        FakeServers.start(server);
        return URI.create(FakeServers.origin(server) + path);
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    HTTPResponse get(URI uri) throws ProviderException {
        return http.send(new HTTPRequest(HTTPRequest.Method.GET, uri), "test endpoint");
    }

    /** The server's connection indexes of the next {@code calls} recorded requests. */
    Set<Integer> connectionsOf(int calls) throws InterruptedException {
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < calls; i++) {
            connections.add(server.takeRequest().getConnectionIndex());
        }
        return connections;
    }

    ProviderException failure(URI uri) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> get(uri));
        assertThat(e).as("expected a ProviderException").isNotNull();
        return e;
    }

    @Test
    void fiftyCallsTravelOverAHandfulOfKeptAliveConnections() throws Exception {
        URI uri = start("/userinfo");
        for (int i = 0; i < 50; i++) {
            server.enqueue(ok("{\"sub\":\"" + i + "\"}"));
        }

        for (int i = 0; i < 50; i++) {
            assertThat(get(uri).getBodyAsJSONObject()).containsEntry("sub", Integer.toString(i));
        }

        assertThat(connectionsOf(50)).as("TCP connections for 50 calls").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aBodyTricklingSlowerThanTheDeadlineIsCutOffAtTheDeadline() {
        // every byte arrives within a fraction of the deadline; the whole body would take 20 s
        URI uri = start("/token");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"" + "A".repeat(1990) + "\"}").throttleBody(100, 1, TimeUnit.SECONDS).build());
        long started = System.nanoTime();

        ProviderException e = failure(uri);

        assertThat(e.code()).isEqualTo(FailureCode.IDP_UNREACHABLE);
        assertThat(e.getMessage()).contains("did not answer within 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plusSeconds(2));
    }

    @Test
    void headersThatNeverComeAreCutOffAtTheDeadline() {
        URI uri = start("/token");
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());

        assertThat(failure(uri).code()).isEqualTo(FailureCode.IDP_UNREACHABLE);
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedAsAnInvalidAnswer() {
        URI uri = start("/userinfo");
        // chunked: no Content-Length tells the size up front, so the limit must hold while reading
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().writeUtf8("x".repeat(200 * 1024)), 8192).build());

        ProviderException e = failure(uri);

        assertThat(e.code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
        assertThat(e.getMessage()).contains("more than 65536 bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        URI uri = start("/userinfo");
        server.enqueue(ok("x".repeat(65 * 1024)));

        assertThat(failure(uri).code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        URI uri = start("/userinfo");
        server.enqueue(ok("y".repeat(64 * 1024)));

        assertThat(get(uri).getBody()).hasSize(64 * 1024);
    }

    @Test
    void aRedirectIsReturnedNotFollowed() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            FakeServers.start(elsewhere);
            URI uri = start("/token");
            server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", elsewhere.url("/token").toString()).build());

            HTTPRequest post = new HTTPRequest(HTTPRequest.Method.POST, uri);
            post.setBody("code=the-code");
            HTTPResponse response = http.send(post, "token endpoint");

            assertThat(response.getStatusCode()).isEqualTo(307);
            assertThat(elsewhere.getRequestCount()).as("requests that reached the redirect target").isZero();
        }
    }

    @Test
    void requestHeadersAndTheFormBodyReachTheIdp() throws Exception {
        URI uri = start("/token");
        server.enqueue(ok("{}"));
        HTTPRequest post = new HTTPRequest(HTTPRequest.Method.POST, uri);
        post.setHeader("Content-Type", "application/x-www-form-urlencoded");
        post.setAuthorization("Basic Y2xpZW50OnNlY3JldA==");
        post.setAccept("application/json");
        post.setBody("grant_type=authorization_code&code=abc");

        http.send(post, "token endpoint");

        RecordedRequest seen = server.takeRequest();
        assertThat(seen.getMethod()).isEqualTo("POST");
        assertThat(seen.getHeaders().get("Authorization")).isEqualTo("Basic Y2xpZW50OnNlY3JldA==");
        assertThat(seen.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(seen.getBody().utf8()).isEqualTo("grant_type=authorization_code&code=abc");
    }

    @Test
    void anUnreachableIdpIsATypedFailureThatNeverQuotesTheQueryString() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }

        ProviderException e = failure(URI.create("http://127.0.0.1:" + deadPort + "/userinfo?code=secret-code-value#frag"));

        assertThat(e.code()).isEqualTo(FailureCode.IDP_UNREACHABLE);
        assertThat(e.getMessage()).contains("test endpoint at http://127.0.0.1:" + deadPort + "/userinfo")
                .doesNotContain("secret-code-value", "frag");
    }

    @Test
    void theJwksDownloadHasTheSameBodyLimit() {
        URI uri = start("/jwks");
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().writeUtf8("{\"keys\":[" + " ".repeat(100 * 1024) + "]}"), 4096).build());
        ResourceRetriever retriever = http.resourceRetriever();

        assertThatThrownBy(() -> retriever.retrieveResource(uri.toURL())).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void aJwksDownloadOtherThan200IsAnIoFailure() {
        URI uri = start("/jwks");
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());

        assertThatThrownBy(() -> http.resourceRetriever().retrieveResource(uri.toURL()))
                .isInstanceOf(IOException.class).hasMessageContaining("answered HTTP 503");
    }

    @Test
    void theJwksDownloadKeepsItsContentType() throws Exception {
        URI uri = start("/jwks");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/jwk-set+json").body("{\"keys\":[]}").build());

        var resource = http.resourceRetriever().retrieveResource(uri.toURL());

        assertThat(resource.getContent()).isEqualTo("{\"keys\":[]}");
        assertThat(resource.getContentType()).isEqualTo("application/jwk-set+json");
    }

    @Test
    void anHttpsIdpWhoseCertificateTheGivenTlsContextTrustsIsReachedOverKeptAliveConnections() throws Exception {
        SelfSignedTls tls = SelfSignedTls.forLoopback();
        server.useHttps(tls.serverSockets());
        URI uri = start("/userinfo");
        IdpHttpClient trusting = new IdpHttpClient(DEADLINE, 64 * 1024, tls.clientTrust());
        for (int i = 0; i < 20; i++) {
            server.enqueue(ok("{\"sub\":\"" + i + "\"}"));
        }

        for (int i = 0; i < 20; i++) {
            HTTPResponse response = trusting.send(new HTTPRequest(HTTPRequest.Method.GET, uri), "test endpoint");
            assertThat(response.getBodyAsJSONObject()).containsEntry("sub", Integer.toString(i));
        }

        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(connectionsOf(20)).as("TLS connections for 20 calls").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void anHttpsIdpWithAPrivateCertificateIsUnreachableWithTheJvmsDefaultTrust() {
        server.useHttps(SelfSignedTls.forLoopback().serverSockets());
        URI uri = start("/userinfo");
        server.enqueue(ok("{}"));
        // a deadline no busy machine reaches, so that what fails is the handshake
        IdpHttpClient jvmTrust = new IdpHttpClient(Duration.ofSeconds(30), 64 * 1024);

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> jvmTrust.send(new HTTPRequest(HTTPRequest.Method.GET, uri), "test endpoint"));

        assertThat(e.code()).isEqualTo(FailureCode.IDP_UNREACHABLE);
        assertThat(e.getMessage()).contains("could not be reached: SSLHandshakeException");
    }
}
