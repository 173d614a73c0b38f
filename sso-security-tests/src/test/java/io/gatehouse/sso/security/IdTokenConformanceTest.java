package io.gatehouse.sso.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenID Foundation relying-party conformance cases for the ID token that {@code HostileIdTokenTest}
 * (sso-provider-oidc) does not already cover, re-created against a {@link io.gatehouse.sso.testidp.FakeIdp}
 * whose tokens we sign ourselves. That test covers: unpublished key, tampered payload, {@code alg: none},
 * HS256 keyed with the public key, wrong {@code iss}, {@code aud} of another client, expired, wrong and
 * missing nonce, and key rotation picked up with one JWKS refresh.
 */
class IdTokenConformanceTest {
    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- signature and keys

    @Test
    void aTokenWithItsSignatureStrippedIsRefused() {
        // "header.payload." is not even a JWS: the whole token response is refused as malformed
        bench.assertRefused(bench.loginWith(p -> {
            String signed = bench.idp.sign(bench.claims(p).build());
            return signed.substring(0, signed.lastIndexOf('.') + 1);
        }), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void aTokenSignedWithAnAlgorithmTheIdpDoesNotAdvertiseIsRefused() {
        // discovery advertises RS256 only; PS256 with the very same key must still be refused
        bench.assertRefused(bench.loginWith(p -> sign(new JWSHeader.Builder(JWSAlgorithm.PS256)
                .keyID(bench.idp.signingKey().getKeyID()).build(), bench.claims(p).build(), bench.idp.signingKey())),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aKeyEmbeddedInTheTokenHeaderIsNotTrusted() {
        RSAKey attacker = bench.idp.strangerKey();
        bench.assertRefused(bench.loginWith(p -> sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(attacker.getKeyID()).jwk(attacker.toPublicJWK()).build(), bench.claims(p).build(), attacker)),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aKeySetUrlInTheTokenHeaderIsNotFollowed() {
        RSAKey attacker = bench.idp.strangerKey();
        bench.assertRefused(bench.loginWith(p -> sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID())
                .jwkURL(URI.create(bench.idp.issuer() + "/attacker-jwks")).build(), bench.claims(p).build(), attacker)),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTokenWithoutKidIsVerifiedAgainstTheOnlyPublishedKey() {
        LoginOutcome outcome = bench.loginWith(p -> bench.idp.sign(bench.claims(p).build(), bench.idp.signingKey(), false));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    /**
     * Decision: with several published keys and no {@code kid}, Nimbus tries every key that matches the
     * header (key type, algorithm) and accepts the token when one verifies it. That is safe (the token is
     * still signed by a key the IdP publishes) and interoperable (some IdPs omit kid); the cost is bounded
     * by the size of the IdP's own key set.
     */
    @Test
    void aTokenWithoutKidIsVerifiedAgainstEachOfSeveralPublishedKeys() {
        RSAKey current = bench.idp.signingKey();
        RSAKey next = bench.idp.strangerKey();
        bench.idp.publish(next, current);

        LoginOutcome outcome = bench.loginWith(p -> bench.idp.sign(bench.claims(p).build(), current, false));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void aTokenWithoutKidSignedByNoneOfSeveralPublishedKeysIsRefused() {
        bench.idp.publish(bench.idp.strangerKey(), bench.idp.signingKey());

        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).build(), bench.idp.strangerKey(), false)),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void unknownKidsCannotMakeGatehouseHammerTheJwksEndpoint() {
        assertThat(bench.validLogin("subject-1", "ada@example.com")).isInstanceOf(LoginOutcome.SignedIn.class);
        int before = bench.idp.jwksFetches();
        bench.baseline();

        for (int i = 0; i < 5; i++) {
            RSAKey stranger = bench.idp.strangerKey();
            LoginOutcome outcome = bench.loginWith(p -> bench.idp.sign(bench.claims(p).build(), stranger, true));
            assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                    f -> assertThat(f.failure().code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID));
        }

        assertThat(bench.idp.jwksFetches() - before).as("JWKS refreshes for 5 unknown kids").isLessThanOrEqualTo(1);
        assertThat(StoreSnapshot.of(bench.fx.store).userCount()).isEqualTo(1);
    }

    @Test
    void anUnknownTypHeaderIsRefused() {
        bench.assertRefused(bench.loginWith(p -> sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(bench.idp.signingKey().getKeyID()).type(new JOSEObjectType("at+jwt")).build(),
                bench.claims(p).build(), bench.idp.signingKey())), FailureCode.ID_TOKEN_INVALID);
    }

    @Test
    void aCriticalHeaderParameterGatehouseDoesNotUnderstandIsRefused() {
        bench.assertRefused(bench.loginWith(p -> sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(bench.idp.signingKey().getKeyID()).criticalParams(Set.of("x-gatehouse-unknown"))
                .customParam("x-gatehouse-unknown", true).build(), bench.claims(p).build(), bench.idp.signingKey())),
                FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    // ---- audience and authorized party

    @Test
    void aTokenWithoutAudienceIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).audience((List<String>) null).build())),
                FailureCode.AUDIENCE_MISMATCH);
    }

    /**
     * Decision (OIDC Core 3.1.3.7 items 3-5): several audiences need an {@code azp} naming us. Nimbus's
     * IDTokenClaimsVerifier (11.x) parses {@code azp} but never compares it, so Gatehouse checks it itself.
     */
    @Test
    void severalAudiencesIncludingOursWithoutAzpAreRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p)
                .audience(List.of(FakeIdp.CLIENT_ID, "other-client")).build())),
                FailureCode.AUDIENCE_MISMATCH);
    }

    @Test
    void severalAudiencesIncludingOursWithTheAzpOfAnotherClientAreRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p)
                .audience(List.of(FakeIdp.CLIENT_ID, "other-client"))
                .claim("azp", "other-client").build())), FailureCode.AUDIENCE_MISMATCH);
    }

    @Test
    void ourAudienceWithTheAzpOfAnotherClientIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).claim("azp", "other-client").build())),
                FailureCode.AUDIENCE_MISMATCH);
    }

    @Test
    void severalAudiencesWithOurAzpAreAccepted() {
        // Keycloak does this: aud [client, "account"], azp = client
        LoginOutcome outcome = bench.loginWith(p -> bench.idp.sign(bench.claims(p)
                .audience(List.of(FakeIdp.CLIENT_ID, "account"))
                .claim("azp", FakeIdp.CLIENT_ID).build()));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    // ---- time

    @Test
    void aTokenIssuedFarInTheFutureIsRefused() {
        Date future = new Date(System.currentTimeMillis() + 3_600_000);
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).issueTime(future)
                .expirationTime(new Date(future.getTime() + 300_000)).build())), FailureCode.ID_TOKEN_EXPIRED);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).expirationTime(null).build())),
                FailureCode.ID_TOKEN_INVALID);
    }

    // ---- subject and issuer

    @Test
    void aTokenWithoutSubjectIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject(null).build())),
                FailureCode.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenWithABlankSubjectIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject(" ").build())),
                FailureCode.ID_TOKEN_INVALID);
    }

    @Test
    void aTokenWithoutIssuerIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).issuer(null).build())),
                FailureCode.ISSUER_MISMATCH);
    }

    @Test
    void anIssuerThatOnlyDiffersByATrailingSlashIsRefused() {
        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).issuer(bench.idp.issuer() + "/").build())),
                FailureCode.ISSUER_MISMATCH);
    }

    @Test
    void anIdTokenFromAnotherLoginOfTheSameUserIsRefused() {
        // the IdP (or a network attacker) replays the ID token minted for an earlier login
        SecurityBench.Pending first = bench.begin();
        String firstToken = bench.idp.sign(bench.claims(first).build());
        bench.answer(first, firstToken);
        assertThat(bench.complete(first)).isInstanceOf(LoginOutcome.SignedIn.class);
        bench.baseline();

        bench.assertRefused(bench.loginWith(p -> firstToken), FailureCode.NONCE_MISMATCH);
    }
}
