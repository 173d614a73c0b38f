package io.gatehouse.sso.core.oidc;

import com.nimbusds.jwt.proc.BadJWTException;
import io.gatehouse.sso.core.FailureCode;

/**
 * One check of a token (an ID token, a logout token) failed; the check says which {@link FailureCode} that is and
 * which claim (or header) it looked at, so the failure code never depends on an exception's wording.
 */
final class RejectedToken extends BadJWTException {
    private final FailureCode code;
    private final String claim;

    RejectedToken(FailureCode code, String claim, String detail) {
        super(detail);
        this.code = code;
        this.claim = claim;
    }

    FailureCode code() {
        return code;
    }

    /** The claim or header parameter that failed, e.g. {@code iss} or {@code typ}. */
    String claim() {
        return claim;
    }
}
