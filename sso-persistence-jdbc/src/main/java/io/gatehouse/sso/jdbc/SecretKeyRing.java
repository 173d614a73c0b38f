package io.gatehouse.sso.jdbc;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AES-256 keys that protect client secrets and OAuth tokens at rest: one current key that every new
 * value is encrypted with, and older keys that are only used to read values written before a rotation.
 * Each key has a short id; the id is stored beside every encrypted value, so the right key is found
 * after a rotation. Immutable; {@link #toString()} names the ids only.
 *
 * <pre>{@code
 * // generate a key once with: openssl rand -base64 32
 * SecretKeyRing keys = SecretKeyRing.of("2026-01", System.getenv("SSO_DB_KEY_2026_01"))
 *         .withOlderKey("2025-06", System.getenv("SSO_DB_KEY_2025_06"));
 * // or from one configuration value, current key first:
 * SecretKeyRing same = SecretKeyRing.parse("2026-01:" + newKey + ",2025-06:" + oldKey);
 * }</pre>
 */
public final class SecretKeyRing {

    /** Ids end up inside stored values ({@code v1:<id>:...}) and in SQL LIKE patterns, so keep them plain. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,31}");
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private SecretKeyRing(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * A ring with one key, which is also the current one.
     *
     * @param keyId     short id: letters, digits, {@code .} and {@code -}, at most 32 characters
     * @param base64Key 32 random bytes, base64-encoded (e.g. {@code openssl rand -base64 32})
     * @throws IllegalArgumentException when the id or the key is malformed (the message never shows the key)
     * @return the ring
     */
    public static SecretKeyRing of(String keyId, String base64Key) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(checkedId(keyId), decode(keyId, base64Key));
        return new SecretKeyRing(keyId, keys);
    }

    /**
     * Parses {@code id:base64Key[,id:base64Key...]}: the first key is the current one, the others are older
     * keys kept for reading. Spaces around entries are ignored.
     *
     * @param spec e.g. {@code k2:base64...,k1:base64...}
     * @throws IllegalArgumentException when the text is malformed (the message never shows a key)
     * @return the ring
     */
    public static SecretKeyRing parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no secret key given: expected id:base64Key[,id:base64Key...]");
        }
        SecretKeyRing ring = null;
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a secret key entry must look like id:base64Key");
            }
            String id = trimmed.substring(0, colon);
            String key = trimmed.substring(colon + 1);
            ring = ring == null ? of(id, key) : ring.withOlderKey(id, key);
        }
        return ring;
    }

    /**
     * A fresh random key, base64-encoded: the same as {@code openssl rand -base64 32}.
     *
     * @return 32 random bytes from a {@link java.security.SecureRandom}, base64-encoded
     */
    public static String generateKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * This ring plus an older key used only to read values written under it.
     *
     * @param keyId the older key's id
     * @param base64Key the older key, base64-encoded
     * @throws IllegalArgumentException when the id is already in the ring or the key is malformed
     * @return a new ring; this one is unchanged
     */
    public SecretKeyRing withOlderKey(String keyId, String base64Key) {
        checkedId(keyId);
        if (keys.containsKey(keyId)) {
            throw new IllegalArgumentException("secret key id '" + keyId + "' is given twice");
        }
        Map<String, SecretKey> more = new LinkedHashMap<>(keys);
        more.put(keyId, decode(keyId, base64Key));
        return new SecretKeyRing(currentKeyId, more);
    }

    /**
     * The id of the key new values are encrypted with.
     *
     * @return the current key id
     */
    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * Every id in the ring, the current one first.
     *
     * @return the ids, current first
     */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    SecretKey currentKey() {
        return keys.get(currentKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public String toString() {
        return "SecretKeyRing[current=" + currentKeyId + ", ids=" + keys.keySet() + "]";
    }

    private static String checkedId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("secret key id '" + keyId
                    + "' must be 1 to 32 letters, digits, '.' or '-', starting with a letter or digit");
        }
        return keyId;
    }

    private static SecretKey decode(String keyId, String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("secret key '" + keyId + "' is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the offending character: never let any of the key out
            throw new IllegalArgumentException("secret key '" + keyId + "' is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("secret key '" + keyId + "' must be " + KEY_BYTES
                    + " bytes (AES-256), base64-encoded; it has " + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
