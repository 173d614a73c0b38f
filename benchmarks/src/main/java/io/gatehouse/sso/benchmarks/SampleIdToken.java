package io.gatehouse.sso.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The one ID token every benchmark validates: the same bytes in every fork and every benchmark, so the raw
 * signature floor, Gatehouse and Spring Security verify exactly the same thing. The RSA-2048 key is derived
 * from a fixed seed (same key in every JVM of the same JDK), the issuer is a fixed name rather than the
 * loopback server's random port, and iat/exp are fixed (exp far ahead) so the token never expires mid-run.
 *
 * <p>The {@code nonce} claim is {@link #NONCE}, which is base64url(SHA-256({@link #RAW_NONCE})): Spring
 * Security sends the hash to the IdP and keeps the raw value, Gatehouse sends and keeps one opaque value;
 * with these two values one token satisfies both.
 *
 * <pre>{@code
 * SignedJWT jwt = SignedJWT.parse(SampleIdToken.VALUE);
 * }</pre>
 */
public final class SampleIdToken {
    /** The issuer: a name only, the discovery document is fetched from the loopback server by URL. */
    public static final String ISSUER = "https://idp.gatehouse.test/realms/bench";
    public static final String CLIENT_ID = "gatehouse-bench";
    public static final String CLIENT_SECRET = "bench-client-secret-value";
    public static final String SUBJECT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public static final String KEY_ID = "bench-key-1";
    /** What Spring Security keeps in the authorization request; the token carries its hash. */
    public static final String RAW_NONCE = "n-0S6_WzA2Mj-bench-raw-nonce-value";
    /** What the token carries and what Gatehouse's sealed transaction holds. */
    public static final String NONCE = sha256Base64Url(RAW_NONCE);
    static final Instant ISSUED_AT = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant EXPIRES_AT = Instant.parse("2099-01-01T00:00:00Z");

    /** The IdP's signing key (private part included, for signing the sample). */
    public static final RSAKey KEY = deterministicKey(KEY_ID, 42L);
    /** The serialized, signed ID token. */
    public static final String VALUE = sign(claims().build(), KEY);

    private SampleIdToken() {
    }

    /**
     * The sample's claims: what a Keycloak-like IdP puts into an ID token with the {@code openid email profile
     * groups} scopes (about 900 bytes serialized).
     */
    public static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(SUBJECT).audience(CLIENT_ID)
                .issueTime(Date.from(ISSUED_AT)).expirationTime(Date.from(EXPIRES_AT))
                .claim("auth_time", ISSUED_AT.getEpochSecond())
                .jwtID("b6a1f0a4-2f1e-4c55-9b59-4f0d6b0a7d21")
                .claim("nonce", NONCE)
                .claim("sid", "4a7e2c35-6f0b-4f2e-8f6f-2d3c1b0a9e8d")
                .claim("email", "ada.lovelace@example.com")
                .claim("email_verified", true)
                .claim("name", "Ada Lovelace")
                .claim("preferred_username", "ada")
                .claim("given_name", "Ada")
                .claim("family_name", "Lovelace")
                .claim("groups", List.of("/inventree/admins", "/inventree/staff", "/engineering"));
    }

    /** Signs claims with RS256 and the key's id in the header. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An RSA-2048 key from a seeded SHA1PRNG: the same key in every fork, so the token bytes are identical
     * across runs. Never do this for a real key.
     */
    public static RSAKey deterministicKey(String keyId, long seed) {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(seed);
            return new RSAKeyGenerator(2048).keyID(keyId).secureRandom(seeded).generate();
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** base64url(SHA-256(value)) without padding: how Spring Security hashes its nonce. */
    public static String sha256Base64Url(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
