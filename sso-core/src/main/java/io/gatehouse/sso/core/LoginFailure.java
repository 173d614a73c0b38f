package io.gatehouse.sso.core;

import java.util.Objects;

/**
 * A typed login failure, safe to show: the code, the user-facing message, and the id of the
 * error-log record holding the details.
 *
 * @param code       stable code
 * @param message    sentence for the user
 * @param errorLogId id of the error-log record, or null when none could be written
 */
public record LoginFailure(FailureCode code, String message, String errorLogId) {
    /**
     * Requires the code; a {@code null} message is the code's own {@link FailureCode#message()}.
     *
     * @param code stable code
     * @param message sentence for the user
     * @param errorLogId id of the error-log record, or null when none could be written
     */
    public LoginFailure {
        Objects.requireNonNull(code, "code");
        message = message == null ? code.message() : message;
    }
}
