package io.gatehouse.sso.core.http;

import java.io.IOException;

/**
 * The IdP's answer was larger than {@link IdpHttpClient#maxBodyBytes()}: reading stopped at the limit
 * (or before the first byte, when {@code Content-Length} already said so).
 */
public final class ResponseTooLargeException extends IOException {
    private final int limit;

    public ResponseTooLargeException(int limit) {
        super("response body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit in bytes that the answer exceeded. */
    public int limit() {
        return limit;
    }
}
