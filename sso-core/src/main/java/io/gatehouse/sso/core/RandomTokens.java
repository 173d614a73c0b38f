package io.gatehouse.sso.core;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values (256 random bits, base64url): states, nonces, sign-in session ids. Thread-safe.
 *
 * <pre>{@code
 * String state = tokens.next();   // 43 characters
 * }</pre>
 */
final class RandomTokens {
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
