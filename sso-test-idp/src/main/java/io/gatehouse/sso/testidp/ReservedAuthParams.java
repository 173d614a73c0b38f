package io.gatehouse.sso.testidp;

import java.util.stream.Stream;

/**
 * The authorization request parameters {@code AUTH_PARAMS} may not set, written out here (not read from the
 * code under test) so that a provider's tests notice when one of them stops being refused.
 */
public final class ReservedAuthParams {
    private ReservedAuthParams() {
    }

    /** For {@code @MethodSource("io.gatehouse.sso.testidp.ReservedAuthParams#names")}. */
    public static Stream<String> names() {
        return Stream.of("response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge",
                "code_challenge_method");
    }
}
