package io.gatehouse.sso.core.http;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client for every call Gatehouse makes to an IdP: discovery, JWKS, token endpoint, userinfo
 * and provider APIs. One JDK {@link HttpClient} speaking HTTP/1.1 keeps connections alive and reuses them
 * across logins (no new TCP or TLS handshake per call). Each call has a total deadline covering connect,
 * headers and the whole body (a trickling IdP cannot hold a request thread longer), a body limit enforced
 * while the answer streams in, and no redirects (a token endpoint that redirects is misconfigured, and
 * following it could carry the code elsewhere). Failures become typed {@link ProviderException}s naming
 * the endpoint without its query string.
 *
 * <p>It is a Nimbus {@link HTTPRequestSender} ({@code request.send(client)}) and gives Nimbus a
 * {@link ResourceRetriever} for JWKS downloads, so every download has the same limits.
 *
 * <pre>{@code
 * IdpHttpClient http = new IdpHttpClient(Duration.ofSeconds(5), IdpHttpClient.DEFAULT_MAX_BODY_BYTES);
 * HTTPResponse response = http.send(new HTTPRequest(HTTPRequest.Method.GET, userUrl), "GitHub GET /user");
 * }</pre>
 */
public final class IdpHttpClient implements HTTPRequestSender {
    /** Large enough for any real token, userinfo or JWKS answer; small enough to be harmless. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration deadline;
    private final int maxBodyBytes;

    /** A client that trusts what the JVM trusts (its default {@link SSLContext}). */
    public IdpHttpClient(Duration deadline, int maxBodyBytes) {
        this(deadline, maxBodyBytes, null);
    }

    /**
     * @param tls the TLS context for https IdPs, e.g. one trusting a private CA; null for the JVM's default
     */
    public IdpHttpClient(Duration deadline, int maxBodyBytes, SSLContext tls) {
        if (deadline.isNegative() || deadline.isZero() || maxBodyBytes <= 0) {
            throw new IllegalArgumentException("deadline and body limit must be positive");
        }
        this.deadline = deadline;
        this.maxBodyBytes = maxBodyBytes;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(deadline);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /** The total time one call may take, from connect to the last byte of the body. */
    public Duration deadline() {
        return deadline;
    }

    /** The largest body an answer may have. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Sends the request. {@code what} names the call for the error log (e.g. "token endpoint").
     *
     * @throws ProviderException {@link FailureCode#IDP_UNREACHABLE} on connection failure or when the deadline
     *                           passes, {@link FailureCode#IDP_RESPONSE_INVALID} when the answer is too large
     */
    public HTTPResponse send(HTTPRequest request, String what) throws ProviderException {
        try {
            return exchange(request);
        } catch (IOException e) {
            throw failure(e, what, request.getURI());
        }
    }

    /** Nimbus's sender contract: the same call, with the failure as an {@link IOException}. */
    @Override
    public HTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        return exchange(request);
    }

    /** Downloads for Nimbus (the JWKS): a GET with these limits; any status but 200 is an {@link IOException}. */
    public ResourceRetriever resourceRetriever() {
        return this::retrieve;
    }

    private Resource retrieve(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a URI: " + Endpoints.withoutQuery(url.toString()), e);
        }
        HTTPResponse response = exchange(new HTTPRequest(HTTPRequest.Method.GET, uri));
        if (response.getStatusCode() != 200) {
            throw new IOException(Endpoints.of(uri) + " answered HTTP " + response.getStatusCode());
        }
        return new Resource(response.getBody(), response.getHeaderValue("Content-Type"));
    }

    private HTTPResponse exchange(ReadOnlyHTTPRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(jdkRequest(request), BoundedBody.handler(maxBodyBytes));
        try {
            // the JDK's own request time-out stops at the headers; this one also covers the body
            return nimbusResponse(pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw ioFailure(e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the IdP");
        }
    }

    private HttpRequest jdkRequest(ReadOnlyHTTPRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.getURI()).timeout(deadline);
        } catch (IllegalArgumentException e) {
            throw new IOException("not an http(s) URL: " + Endpoints.of(request.getURI()), e);
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null || body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return builder.build();
    }

    private static HTTPResponse nimbusResponse(HttpResponse<byte[]> answer) {
        HTTPResponse response = new HTTPResponse(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.setHeader(name, values.toArray(String[]::new));
            }
        });
        if (answer.body().length > 0) {
            response.setBody(new String(answer.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    /** The JDK wraps failures; the type that says what happened is somewhere in the chain. */
    private static IOException ioFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResponseTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return failure instanceof IOException io ? io : new IOException(failure);
    }

    private ProviderException failure(IOException e, String what, URI uri) {
        String where = what + " at " + Endpoints.of(uri);
        if (e instanceof ResponseTooLargeException) {
            return new ProviderException(FailureCode.IDP_RESPONSE_INVALID,
                    where + " answered with more than " + maxBodyBytes + " bytes", e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new ProviderException(FailureCode.IDP_UNREACHABLE,
                    where + " could not be reached within " + deadline.toMillis() + " ms", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ProviderException(FailureCode.IDP_UNREACHABLE,
                    where + " did not answer within " + deadline.toMillis() + " ms", e);
        }
        String message = e.getMessage() == null ? "" : " (" + Endpoints.scrub(e.getMessage(), uri) + ")";
        return new ProviderException(FailureCode.IDP_UNREACHABLE,
                where + " could not be reached: " + e.getClass().getSimpleName() + message, e);
    }
}
