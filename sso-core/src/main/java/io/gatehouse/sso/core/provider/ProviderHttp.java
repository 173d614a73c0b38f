package io.gatehouse.sso.core.provider;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.sso.core.FailureCode;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Every call Gatehouse makes to an IdP goes through here: connect and read time-outs (so a dead IdP
 * never hangs a request thread), a response size limit, no redirects, and failures turned into
 * typed {@link ProviderException}s that name the endpoint but never the request's secrets.
 *
 * <pre>{@code
 * ProviderHttp http = new ProviderHttp(Duration.ofSeconds(5), 1 << 20);
 * HTTPResponse response = http.send(new HTTPRequest(HTTPRequest.Method.GET, userUrl), "GitHub /user");
 * }</pre>
 */
public final class ProviderHttp {
    /** Large enough for any real token, userinfo or JWKS answer; small enough to be harmless. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final int timeoutMillis;
    private final int maxBodyBytes;
    private final BoundedHttpSender sender;

    public ProviderHttp(Duration timeout, int maxBodyBytes) {
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.maxBodyBytes = maxBodyBytes;
        this.sender = new BoundedHttpSender(maxBodyBytes);
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /**
     * Sends the request. {@code what} names the call for the error log (e.g. "token endpoint").
     *
     * @throws ProviderException {@link FailureCode#IDP_UNREACHABLE} on connection failure or time-out,
     *                           {@link FailureCode#IDP_RESPONSE_INVALID} when the answer is too large
     */
    public HTTPResponse send(HTTPRequest request, String what) throws ProviderException {
        request.setConnectTimeout(timeoutMillis);
        request.setReadTimeout(timeoutMillis);
        try {
            return request.send(sender);
        } catch (BoundedHttpSender.ResponseTooLargeException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID,
                    what + " at " + endpoint(request) + " answered with more than " + maxBodyBytes + " bytes", e);
        } catch (SocketTimeoutException e) {
            throw new ProviderException(FailureCode.IDP_UNREACHABLE,
                    what + " at " + endpoint(request) + " did not answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new ProviderException(FailureCode.IDP_UNREACHABLE,
                    what + " at " + endpoint(request) + " could not be reached: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** A retriever for JWKS downloads with the same time-outs and size limit. */
    public ResourceRetriever resourceRetriever() {
        return new DefaultResourceRetriever(timeoutMillis, timeoutMillis, maxBodyBytes);
    }

    /** Scheme, host, port and path only: query strings may carry codes. */
    private static String endpoint(HTTPRequest request) {
        var uri = request.getURI();
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }
}
