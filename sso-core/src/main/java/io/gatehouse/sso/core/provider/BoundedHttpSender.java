package io.gatehouse.sso.core.provider;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;

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
 * Sends Nimbus HTTP requests like Nimbus's default sender, but refuses bodies over a size limit
 * (a hostile or broken IdP must not fill the heap) or slower than the read time-out as a whole, and
 * never follows redirects (a token endpoint that redirects is misconfigured, and following it could
 * leak the code elsewhere).
 */
final class BoundedHttpSender implements HTTPRequestSender {
    private final int maxBodyBytes;

    BoundedHttpSender(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) request.getURL().openConnection();
        try {
            connection.setRequestMethod(request.getMethod().name());
            connection.setConnectTimeout(request.getConnectTimeout());
            connection.setReadTimeout(request.getReadTimeout());
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
                    String text = readBounded(stream, request.getReadTimeout());
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

    private String readBounded(InputStream in, int timeoutMillis) throws IOException {
        // the read time-out bounds each read, not the whole body: an IdP (or the network) trickling bytes
        // would otherwise hold the request thread for as long as it likes
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (buffer.size() + n > maxBodyBytes) {
                throw new ResponseTooLargeException(maxBodyBytes);
            }
            if (timeoutMillis > 0 && System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("the answer did not complete within " + timeoutMillis + " ms");
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The IdP's answer was larger than allowed. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(int limit) {
            super("response body larger than " + limit + " bytes");
        }
    }
}
