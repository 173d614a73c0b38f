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
    private final FailureCode code;

    public ProviderException(FailureCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ProviderException(FailureCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public FailureCode code() {
        return code;
    }
}
