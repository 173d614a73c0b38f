package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;

import java.util.Objects;

/**
 * A provider could not complete a step. The engine turns it into a typed login failure and an
 * error-log record. The detail goes to the admin's error log; it must never contain a secret,
 * token or authorization code.
 *
 * <pre>{@code
 * throw new ProviderException(FailureCode.TOKEN_EXCHANGE_FAILED, "GitHub answered error=bad_verification_code");
 * }</pre>
 */
public class ProviderException extends Exception {
    /** The code the login fails with. */
    private final FailureCode code;

    /**
     * A failure with its code.
     *
     * @param code the failure code
     * @param detail what happened, for the error log; never a secret
     */
    public ProviderException(FailureCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * A failure with its code and cause.
     *
     * @param code the failure code
     * @param detail what happened, for the error log; never a secret
     * @param cause the underlying failure
     */
    public ProviderException(FailureCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * The code the login fails with.
     *
     * @return the failure code; never null
     */
    public FailureCode code() {
        return code;
    }
}
