package io.gatehouse.sso.core.http;

import java.io.IOException;

/**
 * The IdP's answer was larger than {@link IdpHttpClient#maxBodyBytes()}: reading stopped at the limit
 * (or before the first byte, when {@code Content-Length} already said so).
 */
public final class ResponseTooLargeException extends IOException {
    /** The limit that was exceeded, in bytes. */
    private final int limit;

    /**
     * An answer body that went past the limit.
     *
     * @param limit the limit in bytes
     */
    public ResponseTooLargeException(int limit) {
        super("response body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /**
     * The limit in bytes that the answer exceeded.
     *
     * @return the limit in bytes
     */
    public int limit() {
        return limit;
    }
}
