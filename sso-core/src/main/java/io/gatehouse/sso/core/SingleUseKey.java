package io.gatehouse.sso.core;

import io.gatehouse.sso.spi.SingleUseValues;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The values the engine hands to {@link SingleUseValues}: a purpose, then what was used. A credential (a
 * callback's state) is handed over only as its SHA-256, so no store ever holds one; so is a value that would
 * be longer than {@link SingleUseValues#MAX_LENGTH}.
 *
 * <pre>{@code
 * SingleUseKey.of("pending-signup", pendingId);    // "pending-signup:5b0c..."
 * SingleUseKey.ofSecret("callback-state", state);  // "callback-state#sha256:Qm9i..."
 * }</pre>
 */
final class SingleUseKey {
    private SingleUseKey() {
    }

    /** {@code purpose:value}, or the digest form when that is too long. */
    static String of(String purpose, String value) {
        String plain = purpose + ":" + value;
        return plain.length() <= SingleUseValues.MAX_LENGTH ? plain : ofSecret(purpose, value);
    }

    /** {@code purpose#sha256:<base64url digest of value>}. */
    static String ofSecret(String purpose, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return purpose + "#sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
