package io.gatehouse.sso.core.oidc;

import com.nimbusds.jwt.proc.BadJWTException;
import io.gatehouse.sso.core.FailureCode;

/**
 * One check of an ID token failed; the check says which {@link FailureCode} that is and which claim (or
 * header) it looked at, so the login's failure code never depends on an exception's wording.
 */
final class RejectedIdToken extends BadJWTException {
    private final FailureCode code;
    private final String claim;

    RejectedIdToken(FailureCode code, String claim, String detail) {
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
