package io.gatehouse.sso.core.transaction;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Authenticated encryption (Nimbus JWE, {@code dir} + {@code A256GCM}) of short-lived claims that travel
 * through the browser: login transactions, pending sign-ups, email confirmation links. The server keeps
 * no memory of them, and any node with the same key can open them. A purpose claim keeps one kind from
 * being replayed as another.
 *
 * <pre>{@code
 * Seal seal = new Seal(key, Clock.systemUTC());
 * String sealed = seal.seal("tx", new JWTClaimsSet.Builder().claim("st", state).build(), Duration.ofMinutes(10));
 * JWTClaimsSet claims = seal.open("tx", sealed);
 * }</pre>
 */
public final class Seal {
    private static final int MAX_SEALED_LENGTH = 64 * 1024;
    private static final String PURPOSE = "pur";
    private static final JWEHeader HEADER = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);

    // Nimbus's direct encrypter and decrypter are thread-safe: one of each serves every login
    private final DirectEncrypter encrypter;
    private final DirectDecrypter decrypter;
    private final Clock clock;

    public Seal(byte[] key, Clock clock) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("the sealing key must be 256 bits");
        }
        try {
            SecretKeySpec secret = new SecretKeySpec(key.clone(), "AES");
            this.encrypter = new DirectEncrypter(secret);
            this.decrypter = new DirectDecrypter(secret);
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException("the sealing key must be 256 bits", e);
        }
        this.clock = clock;
    }

    /** A fresh random 256-bit key. */
    public static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    public String seal(String purpose, JWTClaimsSet claims, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet full = new JWTClaimsSet.Builder(claims).claim(PURPOSE, purpose)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        EncryptedJWT jwt = new EncryptedJWT(HEADER, full);
        try {
            jwt.encrypt(encrypter);
        } catch (JOSEException e) {
            throw new IllegalStateException("A256GCM encryption failed", e);
        }
        return jwt.serialize();
    }

    /**
     * Opens a sealed value of the given purpose.
     *
     * @throws Broken when the value is malformed, tampered, sealed under another key or for another purpose
     * @throws Expired when its lifetime is over
     */
    public JWTClaimsSet open(String purpose, String sealed) throws Broken, Expired {
        if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_SEALED_LENGTH) {
            throw new Broken("empty or over-long sealed value");
        }
        JWTClaimsSet claims;
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwt.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwt.getHeader().getEncryptionMethod())) {
                throw new Broken("unexpected algorithm");
            }
            jwt.decrypt(decrypter);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | RuntimeException e) {
            // the value comes from the browser; Nimbus throws unchecked exceptions for some malformed headers
            // (a JWE header without "enc": NullPointerException)
            throw new Broken("cannot be decrypted: " + e.getClass().getSimpleName());
        }
        if (claims == null || !purpose.equals(claims.getClaim(PURPOSE)) || claims.getExpirationTime() == null) {
            throw new Broken("sealed for another purpose");
        }
        if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
            throw new Expired();
        }
        return claims;
    }

    /** A sealed value that cannot be trusted. */
    public static final class Broken extends Exception {
        public Broken(String why) {
            super(why);
        }
    }

    /** A sealed value whose lifetime is over. */
    public static final class Expired extends Exception {
        Expired() {
            super("expired");
        }
    }
}
