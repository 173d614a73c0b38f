package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Encrypts and decrypts column values with AES-256-GCM. A stored value reads
 * {@code v1:<keyId>:<base64(iv|ciphertext+tag)>}; the associated data is the value's table, column and row,
 * so a value moved elsewhere fails to decrypt instead of silently becoming another app's secret.
 * {@code null} stays {@code null} (no value), so "no refresh token" is not confused with an empty one.
 */
final class ColumnCipher {
    static final String FORMAT = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeyRing keys;
    private final SecureRandom random = new SecureRandom();

    ColumnCipher(SecretKeyRing keys) {
        this.keys = keys;
    }

    SecretKeyRing keys() {
        return keys;
    }

    String seal(SealedColumn column, String rowKey, String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.currentKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(column.associatedData(rowKey));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return FORMAT + ":" + keys.currentKeyId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new PersistenceException("AES-GCM is not available in this JVM", e);
        }
    }

    String open(SealedColumn column, String rowKey, String stored) {
        if (stored == null) {
            return null;
        }
        String keyId = keyIdOf(stored, column.location(rowKey));
        SecretKey key = keys.key(keyId).orElseThrow(() -> new UnknownSecretKeyException(Set.of(keyId)));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(FORMAT.length() + keyId.length() + 2));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException(keyId, column.location(rowKey));
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException(keyId, column.location(rowKey));
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(column.associatedData(rowKey));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException(keyId, column.location(rowKey));
        } catch (GeneralSecurityException e) {
            throw new PersistenceException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The key id of a stored value; {@code where} names it in the error when the value is malformed. */
    static String keyIdOf(String stored, String where) {
        int first = stored.indexOf(':');
        int second = first < 0 ? -1 : stored.indexOf(':', first + 1);
        if (second < 0 || !stored.substring(0, first).equals(FORMAT)) {
            // not ours: never echo it, it might be a plain-text secret someone wrote by hand
            throw new PersistenceException("the value in " + where + " is not an encrypted Gatehouse value ("
                    + FORMAT + ":<keyId>:<data>)");
        }
        return stored.substring(first + 1, second);
    }
}
