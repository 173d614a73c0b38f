package io.gatehouse.sso.benchmarks;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * <strong>The old client</strong>, kept only as the baseline of the TLS benchmark: Gatehouse's HTTP client to IdPs
 * before issue 13, {@code sso-core}'s {@code BoundedHttpSender} at commit 5c8cdaa, reproduced line for line. It opens
 * an {@link HttpURLConnection} per call and calls {@link HttpURLConnection#disconnect()} after it, which closes the
 * connection instead of keeping it for the next call. Two differences, both for the benchmark: the TLS socket factory
 * is passed in (the old client used the JVM's default trust, which does not know the benchmark's self-signed
 * certificate), and the time-outs, which the old engine set on each Nimbus request, are fixed here.
 *
 * <pre>{@code
 * HTTPResponse answer = new OldBoundedHttpSender(tls.clientTrust().getSocketFactory(), 1 << 20).send(request);
 * }</pre>
 */
final class OldBoundedHttpSender {
    private static final int TIMEOUT_MILLIS = 5000;

    private final SSLSocketFactory tls;
    private final int maxBodyBytes;

    OldBoundedHttpSender(SSLSocketFactory tls, int maxBodyBytes) {
        this.tls = tls;
        this.maxBodyBytes = maxBodyBytes;
    }

    HTTPResponse send(HTTPRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.getURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls);
        }
        try {
            connection.setRequestMethod(request.getMethod().name());
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
                for (String value : header.getValue()) {
                    connection.addRequestProperty(header.getKey(), value);
                }
            }
            String body = request.getBody();
            if (body != null && !body.isEmpty()) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            HTTPResponse response = new HTTPResponse(status);
            response.setStatusMessage(connection.getResponseMessage());
            for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
                if (header.getKey() != null) {
                    response.setHeader(header.getKey(), header.getValue().toArray(String[]::new));
                }
            }
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (in != null) {
                try (InputStream stream = in) {
                    String text = readBounded(stream);
                    if (!text.isEmpty()) {
                        response.setBody(text);
                    }
                }
            }
            return response;
        } finally {
            connection.disconnect();
        }
    }

    private String readBounded(InputStream in) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (buffer.size() + n > maxBodyBytes) {
                throw new IOException("response body larger than " + maxBodyBytes + " bytes");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("the answer did not complete within " + TIMEOUT_MILLIS + " ms");
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
